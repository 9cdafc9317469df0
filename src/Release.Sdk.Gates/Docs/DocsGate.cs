using System.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Docs;

/// <summary>
/// The docs build gate: <c>docfx build</c> (the docfx dotnet tool from the repository's tool manifest) on the
/// item's <c>Config</c> (default: docfx.json or docs/docfx.json in the project folder, else at the repository root), with warnings as errors unless
/// <c>WarningsAsErrors=false</c>. It is the built-in form of a command gate: same process handling, plus docfx's
/// warning and error counts as figures and its messages as findings.
/// </summary>
internal sealed class DocsGate(string name) : IReleaseGate
{
    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var config = ConfigPath(context);
        var warningsAsErrors = context.Flag(Name, "WarningsAsErrors") ?? true;
        if (!File.Exists(config))
        {
            return new GateResult(Name, GateKinds.Docs, GateStatus.Fail, $"could not run: {Relative(context, config)} does not exist",
                [], [new GateFinding("config-missing", $"{Relative(context, config)} does not exist")],
                "Point the gate's Config metadata (ReleaseDocsConfig) at your docfx.json, or create one with `dotnet tool run docfx init`.",
                watch.Elapsed);
        }

        // `dotnet tool run` finds docfx in the tool manifest (.config/dotnet-tools.json) above the repository root, so
        // the version is pinned by the repository, not by whatever is installed globally.
        List<string> arguments = ["tool", "run", "docfx", "--", "build", config];
        if (warningsAsErrors) arguments.Add("--warningsAsErrors");
        var outputDirectory = context.Path("SiteOutput") ?? Path.Combine(context.OutputDirectory, "site");
        arguments.AddRange(["--output", outputDirectory]);

        var run = await context.Processes.RunAsync("dotnet", arguments, Path.GetDirectoryName(config)!, context.Environment,
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(context.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(context.OutputDirectory, "docfx.log"), run.StandardOutput + run.StandardError, cancellationToken)
            .ConfigureAwait(false);

        var outcome = DocfxOutput.Evaluate(run, warningsAsErrors, Relative(context, config));
        return new GateResult(Name, GateKinds.Docs, outcome.Status, outcome.Summary, outcome.Figures, outcome.Findings, outcome.Remedy, watch.Elapsed);
    }

    private string ConfigPath(GateContext context)
    {
        if (context.Path("Config") is { } configured) return configured;
        string[] candidates =
        [
            Path.Combine(context.BaseDirectory(), "docfx.json"),
            Path.Combine(context.BaseDirectory(), "docs", "docfx.json"),
            Path.Combine(context.RepositoryRoot, "docfx.json"),
            Path.Combine(context.RepositoryRoot, "docs", "docfx.json"),
        ];
        return candidates.FirstOrDefault(File.Exists) ?? candidates[^1];
    }

    private static string Relative(GateContext context, string path) => Path.GetRelativePath(context.RepositoryRoot, path).Replace('\\', '/');
}
