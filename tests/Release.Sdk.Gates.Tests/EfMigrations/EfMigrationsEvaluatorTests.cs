using Release.Sdk.Gates.EfMigrations;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.EfMigrations;

/// <summary>The verdict from dotnet-ef output recorded from dotnet-ef 10.0.15 runs on the sample (see EfMigrationsSampleTests for the live ones).</summary>
public sealed class EfMigrationsEvaluatorTests
{
    private static readonly GateProcessResult InSync = Ok("Build started...\nBuild succeeded.\nNo changes have been made to the model since the last migration.\n");
    private static readonly GateProcessResult Pending = Exit(1, "Build started...\nBuild succeeded.\nChanges have been made to the model since the last migration. Add a new migration.\n");
    private const string Script = "CREATE TABLE \"Orders\" (...);\n\nINSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\")\nVALUES ('20261126230000_Initial', '10.0.15');\n";

    [Fact]
    public void In_sync_with_a_script_that_applies_passes_with_the_migration_count()
    {
        var verdict = EfMigrationsEvaluator.Evaluate(new(InSync, Ok(""), Script, Ok("Done."), IdempotentFallback: false), "efcore/Sample.Shop.csproj");

        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("model in sync with the migrations, script of 1 migration(s) generated, applied to an empty SQLite database", verdict.Summary);
        Assert.Contains(verdict.Figures, f => f.Name == "migrations" && f.Value == 1);
    }

    [Fact]
    public void Pending_model_changes_fail_with_the_command_to_add_a_migration()
    {
        var verdict = EfMigrationsEvaluator.Evaluate(new(Pending, null, null, null, false), "efcore/Sample.Shop.csproj");

        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("pending-model-changes", Assert.Single(verdict.Findings).Rule);
        Assert.Contains("dotnet ef migrations add <Name> --project efcore/Sample.Shop.csproj", verdict.Remedy, StringComparison.Ordinal);
        Assert.Contains(verdict.Figures, f => f.Name == "pending model changes" && f.Value == 1 && f.Threshold == 0);
    }

    [Fact]
    public void A_failing_script_or_apply_fails_with_the_last_error_line_not_the_stack()
    {
        var failedApply = Exit(1, "Applying migration '20261126230000_Initial'.\n   at Microsoft.EntityFrameworkCore.Migrations.Internal.Migrator.Migrate()\nSQLite Error 1: 'no such table: Customers'.\n");

        var verdict = EfMigrationsEvaluator.Evaluate(new(InSync, Ok(""), Script, failedApply, false), "shop.csproj");

        Assert.Equal(GateStatus.Fail, verdict.Status);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal("migration-apply-failed", finding.Rule);
        Assert.EndsWith("SQLite Error 1: 'no such table: Customers'.", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_missing_from_the_manifest_is_a_fail_that_says_how_to_add_it()
    {
        var missing = Exit(1, "", "Cannot find a manifest file.\nFor a list of locations searched, specify the \"-d\" option before the tool name.\nNo tools were found in the manifest.");

        var verdict = EfMigrationsEvaluator.Evaluate(new(missing, null, null, null, false), "shop.csproj");

        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.StartsWith("dotnet-ef is not available", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install dotnet-ef --version 10.0.15", verdict.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_error_is_a_fail_that_cannot_be_mistaken_for_pending_changes()
    {
        var verdict = EfMigrationsEvaluator.Evaluate(new(Exit(1, "Build started...\nBuild failed. Use dotnet build to see the errors.\n"), null, null, null, false), "shop.csproj");

        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Contains("has-pending-model-changes` failed", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("Build failed", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_refusing_idempotent_scripts_is_recognized()
    {
        // dotnet-ef 10.0.15 on the SQLite sample with --idempotent:
        var refused = Exit(1, "System.NotSupportedException: Generating idempotent scripts for migrations is not currently supported for SQLite. See https://go.microsoft.com/fwlink/?LinkId=723262 for more information and examples.\n");

        Assert.True(EfToolOutput.IdempotentUnsupported(refused));
        Assert.False(EfToolOutput.IdempotentUnsupported(Ok("")));
    }

    private static GateProcessResult Ok(string output) => new(0, output, "", false, null);

    private static GateProcessResult Exit(int code, string output, string error = "") => new(code, output, error, false, null);
}
