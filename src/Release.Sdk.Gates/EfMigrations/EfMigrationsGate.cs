using System.Diagnostics;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.EfMigrations;

/// <summary>
/// EF Core migrations gate ("efmigrations", the seed's alembic check), with the dotnet-ef tool from the repository's tool
/// manifest: <c>migrations has-pending-model-changes</c>, then <c>migrations script --idempotent</c> (Script=false skips;
/// providers that refuse idempotent scripts, like SQLite, get the full script), then with ApplySqlite=true
/// <c>database update</c> against an empty SQLite file in the gate's directory. Project, StartupProject, Context and
/// Configuration select what dotnet-ef builds.
/// </summary>
internal sealed class EfMigrationsGate(string name) : IReleaseGate
{
    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        GateVerdict verdict;
        try
        {
            verdict = await EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (ReleaseException e)
        {
            verdict = GateVerdict.CannotRun($"{e.Descriptor.Code}: {e.Message}", "Fix the cause above; a gate that cannot run blocks the release.");
        }
        return verdict.ToResult(Name, GateKinds.EfMigrations, stopwatch.Elapsed);
    }

    private async Task<GateVerdict> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(context.OutputDirectory);
        var project = context.ExpandedPath("Project") ?? context.ProjectPath;
        var selection = Selection(context, project);
        var log = new List<string>();
        if (await RestoreIfNeededAsync(context, project, log, cancellationToken).ConfigureAwait(false) is { } restoreFailed) return restoreFailed;

        var pending = await EfAsync(context, ["migrations", "has-pending-model-changes", .. selection], log, cancellationToken).ConfigureAwait(false);
        GateProcessResult? script = null, apply = null;
        string? scriptText = null;
        var fallback = false;
        if (EfToolOutput.Pending(pending) != EfToolOutput.PendingState.Error)
        {
            if (GateSettings.Flag(context, Name, "Script") ?? true)
            {
                var scriptFile = Path.Combine(context.OutputDirectory, "migrations.sql");
                List<string> scriptArguments = ["migrations", "script", "--output", scriptFile, "--no-build", .. selection];
                script = await EfAsync(context, [.. scriptArguments, "--idempotent"], log, cancellationToken).ConfigureAwait(false);
                if (EfToolOutput.IdempotentUnsupported(script))
                {
                    fallback = true;
                    script = await EfAsync(context, scriptArguments, log, cancellationToken).ConfigureAwait(false);
                }
                if (script.Succeeded && File.Exists(scriptFile)) scriptText = await File.ReadAllTextAsync(scriptFile, cancellationToken).ConfigureAwait(false);
            }
            // Applying needs a model in sync: EF refuses to migrate with pending model changes (PendingModelChangesWarning).
            if ((GateSettings.Flag(context, Name, "ApplySqlite") ?? false) && EfToolOutput.Pending(pending) == EfToolOutput.PendingState.InSync)
            {
                var database = Path.Combine(context.OutputDirectory, "migrations-check.db");
                File.Delete(database);
                apply = await EfAsync(context, ["database", "update", "--no-build", "--connection", $"Data Source={database}", .. selection], log, cancellationToken).ConfigureAwait(false);
            }
        }
        await File.WriteAllLinesAsync(Path.Combine(context.OutputDirectory, "dotnet-ef.log"), log, cancellationToken).ConfigureAwait(false);
        return EfMigrationsEvaluator.Evaluate(new EfMigrationsEvaluator.Runs(pending, script, scriptText, apply, fallback),
            Path.GetRelativePath(context.RepositoryRoot, project).Replace('\\', '/'));
    }

    // dotnet-ef reads the project's metadata before it builds, and that needs obj/project.assets.json: restore a fresh checkout first.
    private async Task<GateVerdict?> RestoreIfNeededAsync(GateContext context, string project, List<string> log, CancellationToken cancellationToken)
    {
        var projectDirectory = Directory.Exists(project) ? project : Path.GetDirectoryName(project)!;
        if (File.Exists(Path.Combine(projectDirectory, "obj", "project.assets.json"))) return null;
        var restore = await context.Processes.RunAsync("dotnet", ["restore", project, "-nodeReuse:false"], context.RepositoryRoot, context.Environment,
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        log.Add($"$ dotnet restore {project}  (exit {restore.ExitCode})");
        log.Add(restore.StandardOutput + restore.StandardError);
        return restore.Succeeded ? null
            : GateVerdict.CannotRun($"`dotnet restore {project}` failed: {EfToolOutput.LastError(restore)}", "Fix the restore error (see the gate's dotnet-ef.log), then run the gates again.");
    }

    private static List<string> Selection(GateContext context, string project)
    {
        List<string> arguments = ["--project", project, "--configuration", context.Setting("Configuration") ?? "Release"];
        if (context.ExpandedPath("StartupProject") is { } startup) arguments.AddRange(["--startup-project", startup]);
        if (context.Setting("Context") is { } dbContext) arguments.AddRange(["--context", dbContext]);
        return arguments;
    }

    // `dotnet tool run` takes dotnet-ef from the tool manifest above the repository root: the repository pins the version.
    private async Task<GateProcessResult> EfAsync(GateContext context, List<string> arguments, List<string> log, CancellationToken cancellationToken)
    {
        List<string> full = ["tool", "run", "dotnet-ef", .. arguments];
        context.Log($"{Name}: dotnet {string.Join(' ', full)}");
        var run = await context.Processes.RunAsync("dotnet", full, context.RepositoryRoot, context.Environment,
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        log.Add($"$ dotnet {string.Join(' ', full)}  (exit {run.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
        log.Add(run.StandardOutput);
        log.Add(run.StandardError);
        return run;
    }
}
