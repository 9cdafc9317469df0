using Release.Sdk.Gates.EfMigrations;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.Analysis;

namespace Release.Sdk.Gates.Tests.EfMigrations;

/// <summary>
/// The real dotnet-ef (the repository's tool manifest, restored here) on samples/analysis-gates/efcore: first as committed
/// (model in sync with its migration: pass, script generated and applied to an empty SQLite file), then with a property
/// added to the model and no migration (fail). One copy, so the restore and first build are shared.
/// </summary>
[Trait("Category", "E2E")]
public sealed class EfMigrationsSampleTests(EfMigrationsSampleTests.Runs runs) : IClassFixture<EfMigrationsSampleTests.Runs>
{
    [Fact]
    public void A_model_in_sync_with_its_migrations_passes_and_its_script_applies()
    {
        Assert.True(runs.InSync.Status == GateStatus.Pass, AnalysisContexts.Describe(runs.InSync));
        Assert.Contains(runs.InSync.Figures, f => f.Name == "pending model changes" && f.Value == 0);
        Assert.Contains(runs.InSync.Figures, f => f.Name == "migrations" && f.Value == 1);
        Assert.Contains("applied to an empty SQLite database", runs.InSync.Summary, StringComparison.Ordinal);
        Assert.Contains(runs.InSync.Findings, f => f.Rule == "idempotent-unsupported"); // SQLite refuses --idempotent
    }

    [Fact]
    public void A_model_change_without_a_migration_fails_and_says_to_add_one()
    {
        Assert.True(runs.Pending.Status == GateStatus.Fail, AnalysisContexts.Describe(runs.Pending));
        Assert.Contains(runs.Pending.Findings, f => f.Rule == "pending-model-changes");
        Assert.Contains("dotnet ef migrations add", runs.Pending.Remedy, StringComparison.Ordinal);
    }

    public sealed class Runs : IDisposable
    {
        private readonly SampleWorkspace workspace = new("efcore");

        public Runs()
        {
            // CI restores the manifest's tools in .ci/run; restoring here too keeps the test self-contained (a no-op when cached).
            workspace.Dotnet(null, "tool", "restore");
            var settings = new Dictionary<string, string> { ["ApplySqlite"] = "true" };
            InSync = Run(settings);
            workspace.Edit("ShopContext.cs", "public int Quantity { get; set; }", "public int Quantity { get; set; }\n\n    public decimal Price { get; set; }");
            Pending = Run(settings);
        }

        internal GateResult InSync { get; }

        internal GateResult Pending { get; }

        private GateResult Run(Dictionary<string, string> settings) =>
            new EfMigrationsGate("efmigrations").RunAsync(AnalysisContexts.Create(workspace.Root, workspace.Project, settings), default).GetAwaiter().GetResult();

        public void Dispose() => workspace.Dispose();
    }
}
