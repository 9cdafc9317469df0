using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.EfMigrations;

/// <summary>
/// The verdict from dotnet-ef's runs: model changes without a migration fail (the seed's `alembic check`), a migration
/// script that cannot be generated fails, and so does one that cannot be applied to an empty SQLite database.
/// </summary>
internal static class EfMigrationsEvaluator
{
    /// <param name="Script">The script run (null when not asked for); <paramref name="ScriptText"/> its SQL.</param>
    /// <param name="Apply">`database update` on a temp SQLite file (null when not asked for or skipped).</param>
    /// <param name="IdempotentFallback">The provider refused --idempotent, so the plain script was checked.</param>
    internal sealed record Runs(GateProcessResult Pending, GateProcessResult? Script, string? ScriptText, GateProcessResult? Apply, bool IdempotentFallback);

    public static GateVerdict Evaluate(Runs runs, string project)
    {
        var state = EfToolOutput.Pending(runs.Pending);
        if (state == EfToolOutput.PendingState.Error)
        {
            return EfToolOutput.ToolMissing(runs.Pending)
                ? GateVerdict.CannotRun("dotnet-ef is not available: " + EfToolOutput.LastError(runs.Pending),
                    "Add it to the repository's tool manifest (`dotnet new tool-manifest` once, then `dotnet tool install dotnet-ef --version 10.0.15`) and run `dotnet tool restore` in CI.")
                : GateVerdict.CannotRun($"`dotnet ef migrations has-pending-model-changes` failed for {project}: {EfToolOutput.LastError(runs.Pending)}",
                    "The project must build and reference Microsoft.EntityFrameworkCore.Design; set StartupProject/Context on the gate when it has several.");
        }

        var findings = new List<GateFinding>();
        var pending = state == EfToolOutput.PendingState.Pending;
        if (pending)
            findings.Add(new GateFinding("pending-model-changes", $"{project}: the model has changes that no migration captures", Severity: "error"));

        var scriptFailed = runs.Script is { Succeeded: false };
        if (scriptFailed)
            findings.Add(new GateFinding("migration-script-failed", "`dotnet ef migrations script` failed: " + EfToolOutput.LastError(runs.Script!), Severity: "error"));
        else if (runs.IdempotentFallback)
            findings.Add(new GateFinding("idempotent-unsupported", "the provider cannot write an idempotent script (SQLite); the full script was generated instead", Severity: "info"));

        var applyFailed = runs.Apply is { Succeeded: false };
        if (applyFailed)
            findings.Add(new GateFinding("migration-apply-failed", "applying the migrations to an empty SQLite database failed: " + EfToolOutput.LastError(runs.Apply!), Severity: "error"));

        var migrations = runs.ScriptText is null ? (int?)null : EfToolOutput.MigrationCount(runs.ScriptText);
        var figures = new List<GateFigure> { new("pending model changes", pending ? 1 : 0, "count", 0) };
        if (migrations is { } count) figures.Add(new GateFigure("migrations", count, "count"));

        var status = pending || scriptFailed || applyFailed ? GateStatus.Fail : GateStatus.Pass;
        var summary = string.Join(", ", new[]
        {
            pending ? "model changes without a migration" : "model in sync with the migrations",
            runs.Script is null ? null : scriptFailed ? "migration script failed" : $"script of {migrations} migration(s) generated",
            runs.Apply is null ? null : applyFailed ? "applying to an empty SQLite database failed" : "applied to an empty SQLite database",
        }.Where(s => s is not null));
        var remedy = status == GateStatus.Pass ? null
            : pending ? $"Add a migration for the model change: `dotnet ef migrations add <Name> --project {project}`, review it, commit it."
            : "Fix the migration named in the error (see the gate's log), then run the gates again.";
        return new GateVerdict(status, summary, figures, findings, remedy);
    }
}
