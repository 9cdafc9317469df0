using System.Diagnostics;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Coverage;

/// <summary>
/// Tests + coverage (the seed's `pytest --cov --cov-fail-under=85`): runs `dotnet test` with coverlet's collector and a
/// TRX logger into the gate's output folder, then judges the TRX counts and the merged Cobertura reports.
/// Settings: Project (solution or test project; default the released project), Threshold (line %, default 85),
/// BranchThreshold (branch %, warns), Filter (dotnet test --filter), Configuration; the time limit is the framework's Timeout metadata.
/// </summary>
internal sealed class CoverageGate(string name) : IReleaseGate
{
    public const string Kind = GateKinds.Coverage;
    public const double DefaultThreshold = 85;

    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var threshold = SettingValues.Percent(context, Name, "Threshold", DefaultThreshold);
            double? branchThreshold = context.Setting("BranchThreshold") is null ? null : SettingValues.Percent(context, Name, "BranchThreshold", 0);
            var timeout = SettingValues.ProcessLimit;
            var target = context.Path("Project") ?? context.ProjectPath;
            var results = Path.Combine(context.OutputDirectory, "test-results");
            // Reports left from an earlier run would be merged into this one.
            if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
            Directory.CreateDirectory(results);

            var arguments = Arguments(target, results, context.Setting("Filter"), context.Setting("Configuration"));
            context.Log($"{Name}: dotnet {string.Join(' ', arguments)}");
            var run = await context.Processes.RunAsync(DotnetHost.Resolve(context.Environment), arguments,
                Path.GetDirectoryName(target) ?? context.RepositoryRoot, context.Environment, timeout, cancellationToken).ConfigureAwait(false);
            if (ToolFailure.NotRun("dotnet test", run) is { } reason)
                return GateResults.CouldNotRun(Name, Kind, reason, "Check that the .NET SDK is on PATH and the tests finish within the gate's Timeout (metadata Timeout or ReleaseGateTimeout).", clock.Elapsed);

            var tests = TrxReports.Read(Files(results, "*.trx"));
            var coverageFiles = Files(results, "coverage.cobertura.xml");
            var coverage = coverageFiles.Count == 0 ? null : CoberturaReports.Merge(coverageFiles);
            var errors = ToolFailure.MSBuildErrors(run.StandardOutput + "\n" + run.StandardError).Select(e => GateResults.Relative(e, context.RepositoryRoot)).ToList();
            var outcome = CoverageEvaluator.Evaluate(tests, coverage, run.ExitCode ?? -1, threshold, branchThreshold, errors);
            return outcome.ToResult(Name, Kind, clock.Elapsed) with { Findings = [.. outcome.Findings.Select(f => GateResults.Relative(f, context.RepositoryRoot))] };
        }
        catch (ReleaseException e)
        {
            return GateResults.FromError(Name, Kind, e, clock.Elapsed);
        }
    }

    internal static IReadOnlyList<string> Arguments(string target, string resultsDirectory, string? filter, string? configuration)
    {
        var arguments = new List<string>
        {
            "test", target,
            "--collect:XPlat Code Coverage",
            "--results-directory", resultsDirectory,
            "--logger", "trx",
        };
        if (configuration is not null) arguments.AddRange(["--configuration", configuration]);
        if (filter is not null) arguments.AddRange(["--filter", filter]);
        // coverlet writes Cobertura by default; say so explicitly so a runsettings file cannot switch it off.
        arguments.AddRange(["--", "DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura"]);
        return arguments;
    }

    private static List<(string Name, string Text)> Files(string directory, string pattern) =>
        [.. Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))];
}
