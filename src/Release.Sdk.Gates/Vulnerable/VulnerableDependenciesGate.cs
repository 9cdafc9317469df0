using System.Diagnostics;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Vulnerable;

/// <summary>
/// Vulnerable dependencies (the seed's `safety check`): NuGet's own audit, `dotnet list package --vulnerable
/// --include-transitive --format json`, against the audit sources of nuget.config. Settings: Project, Severity (fail at
/// or above; default low, i.e. any advisory, like the seed); the time limit is the framework's Timeout metadata.
/// </summary>
internal sealed class VulnerableDependenciesGate(string name) : IReleaseGate
{
    public const string Kind = GateKinds.Vulnerable;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var failAt = SettingValues.Severity(context, Name, "Severity", FindingSeverity.Low);
            var timeout = SettingValues.ProcessLimit;
            var target = context.Path("Project") ?? context.ProjectPath;
            var arguments = Arguments(target);
            context.Log($"{Name}: dotnet {string.Join(' ', arguments)}");
            var run = await context.Processes.RunAsync(DotnetHost.Resolve(context.Environment), arguments,
                Path.GetDirectoryName(target) ?? context.RepositoryRoot, context.Environment, timeout, cancellationToken).ConfigureAwait(false);
            if (ToolFailure.NotRun("dotnet list package", run) is { } reason)
                return GateResults.CouldNotRun(Name, Kind, reason, "Check that the .NET SDK is on PATH and the package sources answer within the gate's Timeout (metadata Timeout or ReleaseGateTimeout).", clock.Elapsed);

            Directory.CreateDirectory(context.OutputDirectory);
            await File.WriteAllTextAsync(Path.Combine(context.OutputDirectory, "vulnerable.json"), run.StandardOutput, cancellationToken).ConfigureAwait(false);
            const string fix = "Restore the project (`dotnet restore`) and check its package and audit sources in nuget.config.";
            if (run.ExitCode != 0)
                return GateResults.CouldNotRun(Name, Kind, $"dotnet list package exited with {run.ExitCode}: {ToolFailure.Tail(run)}", fix, clock.Elapsed);
            var report = NuGetAuditReport.Parse(run.StandardOutput + "\n" + run.StandardError);
            if (report.Problems.FirstOrDefault(p => p.StartsWith("error", StringComparison.OrdinalIgnoreCase)) is { } problem)
                return GateResults.CouldNotRun(Name, Kind, problem, fix, clock.Elapsed);

            var packages = await new AdvisorySourceReader(Http, context.Log).AddFixedVersionsAsync(report.Packages, report.Sources, cancellationToken).ConfigureAwait(false);
            return VulnerableEvaluator.Evaluate(packages, failAt, context.RepositoryRoot).ToResult(Name, Kind, clock.Elapsed);
        }
        catch (ReleaseException e)
        {
            return GateResults.FromError(Name, Kind, e, clock.Elapsed);
        }
    }

    internal static IReadOnlyList<string> Arguments(string target) =>
        ["list", target, "package", "--vulnerable", "--include-transitive", "--format", "json", "--output-version", "1"];
}
