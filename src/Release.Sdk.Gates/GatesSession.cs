using System.Globalization;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Report;

namespace Release.Sdk.Gates;

/// <summary>One gates run as the CLI (<c>dotnet-release gates</c>) and the release run's gates plugin ask for it.</summary>
/// <param name="Settings">The settings file's <c>plugins.gates</c> section (MSBuild), or null.</param>
/// <param name="ReleaseConfig">The <c>gates</c> object of .releaserc.json, or null.</param>
/// <param name="WorkingDirectory">The project's folder: relative paths resolve against it; obj/ below it is the default output.</param>
/// <param name="Project">--project: overrides ReleaseGatesProject.</param>
/// <param name="Output">--output: overrides ReleaseGatesOutput.</param>
/// <param name="Mode">--mode: overrides ReleaseGatesMode.</param>
internal sealed record GatesRequest(
    JsonObject? Settings,
    JsonObject? ReleaseConfig,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    Action<string> Log,
    string? Project = null,
    string? Output = null,
    GatesMode? Mode = null,
    GateRelease? Release = null,
    bool DryRun = false);

/// <summary>The report, where it went, and what it means: warnings (never blocking) and the blocking error, if any.</summary>
internal sealed record GatesOutcome(GatesOptions Options, GateReport Report, GateReportPaths Paths, IReadOnlyList<Diagnostic> Warnings, ReleaseException? Error);

/// <summary>Reads the configuration, runs the gates, writes the report and gives the verdict.</summary>
internal sealed class GatesSession(GateRunner runner, IGateProcessRunner processes, TimeProvider clock)
{
    public GatesSession()
        : this(new GateRunner(), new ProcessGateRunner(), TimeProvider.System)
    {
    }

    /// <summary>The configured gates, or none (a project that enables no gate has nothing to run).</summary>
    public static (GatesOptions Options, IReadOnlyList<GateDefinition> Gates) Configuration(GatesRequest request)
    {
        var (options, gates) = GatesConfiguration.Read(request.Settings, request.ReleaseConfig);
        return (request.Mode is { } mode ? options with { Mode = mode } : options, gates);
    }

    public async Task<GatesOutcome> RunAsync(GatesRequest request, CancellationToken cancellationToken)
    {
        var (options, gates) = Configuration(request);
        var workingDirectory = Path.GetFullPath(request.WorkingDirectory);
        var output = Path.GetFullPath(request.Output ?? options.OutputDirectory ?? "obj", workingDirectory);
        var project = Path.GetFullPath(request.Project ?? options.Project ?? workingDirectory, workingDirectory);
        var environment = new GateRunEnvironment(RepositoryRoot(workingDirectory), project, request.Environment, output,
            request.Release, processes, request.Log);

        var started = clock.GetUtcNow();
        GateRunResult run;
        if (gates.Count == 0)
        {
            request.Log("gates: none configured (enable one with a ReleaseGate item or e.g. ReleaseGateDocs=true; see docs/gates.md)");
            run = new GateRunResult([], TimeSpan.Zero);
        }
        else
        {
            request.Log(string.Create(CultureInfo.InvariantCulture,
                $"gates: running {gates.Count} ({string.Join(", ", gates.Select(g => g.Name))}), {options.Parallelism} at a time, mode {Mode(options.Mode)}{(request.DryRun ? ", dry run: reported, not blocking" : "")}"));
            run = await runner.RunAsync(gates, options, environment, cancellationToken).ConfigureAwait(false);
        }

        var report = new GateReport(started, options.Mode, request.DryRun, request.Release, run.Results, run.Duration);
        var warnings = new List<Diagnostic>();
        var paths = GateReportFiles.Write(report, output, request.Environment, warnings);
        if (gates.Count > 0) request.Log($"gates: {GateReportMarkdown.Verdict(report).Replace("**", "", StringComparison.Ordinal)} — report: {paths.Markdown}");
        warnings.AddRange(GateVerdict.Warnings(report, paths.Markdown));
        return new GatesOutcome(options, report, paths, warnings, GateVerdict.Error(report, paths.Markdown));
    }

    private static string Mode(GatesMode mode) => mode == GatesMode.Block ? "block" : "report";

    /// <summary>The nearest folder above with .git (a folder, or a file in worktrees and submodules); else the working directory.</summary>
    internal static string RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return directory.FullName;
        }
        return start;
    }
}
