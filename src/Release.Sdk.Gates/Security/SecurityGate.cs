using System.Diagnostics;
using System.Security;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Security;

/// <summary>
/// Security analysis (the seed's bandit): rebuilds the project with every .NET security analyzer rule on as a warning
/// (AnalysisModeSecurity=All) and one SARIF 2.1 log per project, then judges the security rules' findings.
/// Settings: Project, Severity (fail at or above; default medium), RuleSeverities ("CA2100=high;CA5351=high"),
/// Configuration; the time limit is the framework's Timeout metadata.
/// </summary>
internal sealed class SecurityGate(string name) : IReleaseGate
{
    public const string Kind = GateKinds.Security;

    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var failAt = SettingValues.Severity(context, Name, "Severity", FindingSeverity.Medium);
            var ruleSeverities = RuleSeverities(Name, context.Setting("RuleSeverities"));
            var timeout = SettingValues.ProcessLimit;
            var target = context.Path("Project") ?? context.ProjectPath;
            var logs = Path.Combine(context.OutputDirectory, "sarif");
            if (Directory.Exists(logs)) Directory.Delete(logs, recursive: true);
            Directory.CreateDirectory(logs);
            var hook = WriteErrorLogTargets(context.OutputDirectory, logs);

            var arguments = Arguments(target, hook, context.Setting("Configuration"));
            context.Log($"{Name}: dotnet {string.Join(' ', arguments)}");
            var run = await context.Processes.RunAsync(DotnetHost.Resolve(context.Environment), arguments,
                Path.GetDirectoryName(target) ?? context.RepositoryRoot, context.Environment, timeout, cancellationToken).ConfigureAwait(false);
            if (ToolFailure.NotRun("dotnet build", run) is { } reason)
                return GateResults.CouldNotRun(Name, Kind, reason, "Check that the .NET SDK is on PATH and the build finishes within the gate's Timeout (metadata Timeout or ReleaseGateTimeout).", clock.Elapsed);

            var findings = SarifLogs.Read(
                [.. Directory.EnumerateFiles(logs, "*.sarif").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p)))], ruleSeverities);
            // A build that failed for another reason (a compile error) analysed nothing reliable: report it as such.
            var buildErrors = ToolFailure.MSBuildErrors(run.StandardOutput + "\n" + run.StandardError).Select(e => GateResults.Relative(e, context.RepositoryRoot))
                .Where(e => !SecurityRules.IsSecurity(e.Rule, null)).ToList();
            if (run.ExitCode != 0 && buildErrors.Count > 0 || !Directory.EnumerateFiles(logs, "*.sarif").Any())
            {
                return GateResults.CouldNotRun(Name, Kind,
                    buildErrors.Count > 0 ? $"the build failed: {buildErrors[0].Rule}: {buildErrors[0].Message}" : $"the build wrote no SARIF log ({ToolFailure.Tail(run)})",
                    "Fix the build errors (run `dotnet build` on the project) so the analyzers can run.", clock.Elapsed, buildErrors);
            }
            var outcome = SecurityEvaluator.Evaluate(findings, failAt);
            return outcome.ToResult(Name, Kind, clock.Elapsed) with { Findings = [.. outcome.Findings.Select(f => GateResults.Relative(f, context.RepositoryRoot))] };
        }
        catch (ReleaseException e)
        {
            return GateResults.FromError(Name, Kind, e, clock.Elapsed);
        }
    }

    internal static IReadOnlyList<string> Arguments(string target, string errorLogTargets, string? configuration)
    {
        var arguments = new List<string>
        {
            "build", target,
            // The compiler writes the SARIF log only when it runs: an up-to-date build would skip it.
            "--no-incremental",
            "-p:EnableNETAnalyzers=true",
            "-p:AnalysisModeSecurity=All",
            // Findings are the gate's verdict, not a build break: keep the build going so every finding is listed.
            "-p:TreatWarningsAsErrors=false",
            $"-p:CustomAfterMicrosoftCommonTargets={errorLogTargets}",
        };
        if (configuration is not null) arguments.AddRange(["--configuration", configuration]);
        return arguments;
    }

    /// <summary>
    /// One SARIF file per project and target framework: a single ErrorLog path on the command line would be overwritten
    /// by each project of a solution, and a global property cannot use $(MSBuildProjectName).
    /// </summary>
    internal static string WriteErrorLogTargets(string outputDirectory, string logsDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, "security-errorlog.targets");
        var directory = SecurityElement.Escape(logsDirectory);
        File.WriteAllText(path, $"""
            <Project>
              <!-- Written by Release.Sdk's security gate: one SARIF 2.1 log per project and target framework. -->
              <PropertyGroup>
                <ErrorLog>{directory}/$(MSBuildProjectName).$(TargetFramework).sarif,version=2.1</ErrorLog>
              </PropertyGroup>
            </Project>
            """);
        return path;
    }

    /// <summary>"CA2100=high;CA5351=critical" → rule → severity.</summary>
    internal static IReadOnlyDictionary<string, FindingSeverity> RuleSeverities(string gate, string? text)
    {
        var map = new Dictionary<string, FindingSeverity>(StringComparer.OrdinalIgnoreCase);
        if (text is null) return map;
        foreach (var pair in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || SeverityNames.TryParse(parts[1]) is not { } severity)
                throw SettingValues.Invalid(gate, "RuleSeverities", text, "RULE=severity pairs separated by ';', e.g. CA2100=high;CA5351=critical");
            map[parts[0]] = severity;
        }
        return map;
    }
}
