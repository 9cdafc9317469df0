using System.Diagnostics;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Baselines;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.ApiCompat;

/// <summary>
/// API compatibility gate ("apicompat"). Mode=package (libraries, the default): <c>dotnet pack</c> with the SDK's package
/// validation against the previous release's package (BaselineVersion, default the previous release's version; the
/// package comes from the restore sources plus BaselineFeed). Mode=openapi (web apps): builds the project so
/// Microsoft.Extensions.ApiDescription.Server writes its OpenAPI document (or reads Current) and diffs it with Baseline
/// (a file, an http(s) URL of the previous release's asset, or git:{PreviousTag}:path). Then holds the breaking changes
/// against the release type the commits justify (<see cref="ApiCompatEvaluator"/>).
/// </summary>
internal sealed class ApiCompatGate(string name) : IReleaseGate
{
    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        GateVerdict verdict;
        try
        {
            Directory.CreateDirectory(context.OutputDirectory);
            verdict = (context.Setting("Mode") ?? "package").ToLowerInvariant() switch
            {
                "package" => await PackageAsync(context, cancellationToken).ConfigureAwait(false),
                "openapi" => await OpenApiAsync(context, cancellationToken).ConfigureAwait(false),
                var other => throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
                    $"Gate '{Name}': Mode='{other}' is not known. Use Mode=\"package\" for a library or Mode=\"openapi\" for a web API."),
            };
        }
        catch (ReleaseException e)
        {
            verdict = GateVerdict.CannotRun($"{e.Descriptor.Code}: {e.Message}", "Fix the cause above; a gate that cannot run blocks the release.");
        }
        return verdict.ToResult(Name, GateKinds.ApiCompat, stopwatch.Elapsed);
    }

    private async Task<GateVerdict> PackageAsync(GateContext context, CancellationToken cancellationToken)
    {
        var project = context.ExpandedPath("Project") ?? context.ProjectPath;
        var baselineVersion = context.Setting("BaselineVersion")
            ?? (await PreviousRelease.FindAsync(context, cancellationToken).ConfigureAwait(false))?.Version;
        if (baselineVersion is null)
        {
            return context.Release is not null
                ? ApiCompatEvaluator.FirstRelease("package")
                : GateVerdict.CannotRun("no baseline version: outside a release run and no release tag reachable from HEAD",
                    "Set the gate's BaselineVersion to the last released version, fetch the tags (fetch-depth: 0), or run it inside the release run.");
        }

        List<string> arguments =
        [
            "pack", project, "-c", context.Setting("Configuration") ?? "Release", "-o", Path.Combine(context.OutputDirectory, "package"),
            "-p:EnablePackageValidation=true", $"-p:PackageValidationBaselineVersion={baselineVersion}",
            "-p:ApiCompatGenerateSuppressionFile=false", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        ];
        if (context.Setting("BaselineFeed") is { } feed)
        {
            var source = feed.Contains("://", StringComparison.Ordinal) ? feed : Path.GetFullPath(feed, context.BaseDirectory());
            arguments.Add($"-p:RestoreAdditionalProjectSources={source}");
        }
        var packageDirectory = Path.Combine(context.OutputDirectory, "package");
        if (Directory.Exists(packageDirectory)) Directory.Delete(packageDirectory, recursive: true); // an earlier run's package proves nothing
        var run = await RunLoggedAsync(context, arguments, "pack.log", cancellationToken).ConfigureAwait(false);
        var label = $"{Path.GetFileNameWithoutExtension(project)} {baselineVersion}";
        var changes = PackageValidationOutput.Parse(run.StandardOutput + "\n" + run.StandardError);
        if (changes.Count > 0) return ApiCompatEvaluator.Evaluate(changes, label, context.Release);
        if (run.Succeeded)
        {
            // A project that is not packable "succeeds" without packing or validating anything: that is no pass.
            return Directory.Exists(packageDirectory) && Directory.EnumerateFiles(packageDirectory, "*.nupkg").Any()
                ? ApiCompatEvaluator.Evaluate(changes, label, context.Release)
                : GateVerdict.CannotRun($"dotnet pack produced no package for {project}, so nothing was validated",
                    "Package mode is for libraries released as packages (IsPackable=true); for a web API use Mode=\"openapi\".");
        }

        var log = Path.Combine(context.OutputDirectory, "pack.log");
        return PackageValidationOutput.BaselineMissing(run.StandardOutput)
            ? GateVerdict.CannotRun($"the baseline package {label} was not found in the package sources",
                "Set the gate's BaselineFeed to a folder or feed holding the previous release's package (the one the release published).")
            : GateVerdict.CannotRun($"dotnet pack failed ({Why(run)}) without API compatibility diagnostics; see {log}",
                "Fix the build or pack error in the log, then run the gates again.");
    }

    private async Task<GateVerdict> OpenApiAsync(GateContext context, CancellationToken cancellationToken)
    {
        if (context.Release is { PreviousVersion: null }) return ApiCompatEvaluator.FirstRelease("OpenAPI document");
        var currentPath = context.ExpandedPath("Current") ?? await GenerateDocumentAsync(context, cancellationToken).ConfigureAwait(false);
        if (currentPath is null || !File.Exists(currentPath))
        {
            return GateVerdict.CannotRun($"the build wrote no OpenAPI document{(currentPath is null ? "" : $" at {currentPath}")}",
                "Reference Microsoft.AspNetCore.OpenApi and Microsoft.Extensions.ApiDescription.Server in the web project (they generate the " +
                "document at build), or set Document to the generated file's name, or Current to an existing document.");
        }
        var baselinePath = await BaselineLocator.LocateAsync(context, Name, "Baseline", cancellationToken).ConfigureAwait(false);
        var baseline = OpenApiDocument.Parse(await File.ReadAllTextAsync(baselinePath, cancellationToken).ConfigureAwait(false), baselinePath);
        var current = OpenApiDocument.Parse(await File.ReadAllTextAsync(currentPath, cancellationToken).ConfigureAwait(false), currentPath);
        var label = context.Release?.PreviousTag is { } tag ? $"the OpenAPI document of {tag}" : $"the OpenAPI document {context.Setting("Baseline")}";
        return ApiCompatEvaluator.Evaluate(OpenApiDiff.Compare(baseline, current), label, context.Release);
    }

    /// <summary>Builds the web project with the document written to the gate's directory; returns its path, or null when the build failed.</summary>
    private async Task<string?> GenerateDocumentAsync(GateContext context, CancellationToken cancellationToken)
    {
        var project = context.ExpandedPath("Project") ?? context.ProjectPath;
        var directory = Path.Combine(context.OutputDirectory, "openapi");
        List<string> arguments =
        [
            "build", project, "-c", context.Setting("Configuration") ?? "Release", "-p:OpenApiGenerateDocuments=true",
            $"-p:OpenApiDocumentsDirectory={directory}{Path.DirectorySeparatorChar}", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        ];
        var run = await RunLoggedAsync(context, arguments, "build.log", cancellationToken).ConfigureAwait(false);
        if (!run.Succeeded)
        {
            throw new ReleaseException(DiagnosticCatalog.OpenApiDocumentInvalid,
                $"Gate '{Name}': building {project} to generate its OpenAPI document failed ({Why(run)}). See {Path.Combine(context.OutputDirectory, "build.log")}.");
        }
        var document = context.Setting("Document") ?? Path.GetFileNameWithoutExtension(project) + ".json";
        return Path.Combine(directory, document);
    }

    private async Task<GateProcessResult> RunLoggedAsync(GateContext context, List<string> arguments, string logName, CancellationToken cancellationToken)
    {
        context.Log($"{Name}: dotnet {string.Join(' ', arguments)}");
        var run = await context.Processes.RunAsync("dotnet", arguments, context.RepositoryRoot, context.Environment,
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(context.OutputDirectory, logName), run.StandardOutput + run.StandardError, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private static string Why(GateProcessResult run) => run.StartFailure ?? (run.TimedOut ? "timed out" : $"exit code {run.ExitCode}");
}
