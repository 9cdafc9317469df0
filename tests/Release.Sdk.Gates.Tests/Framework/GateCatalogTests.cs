using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Framework;

public sealed class GateCatalogTests
{
    [Fact]
    public void Every_kind_the_catalog_creates_is_a_gate_with_the_given_name()
    {
        foreach (var kind in GateCatalog.Kinds)
        {
            var gate = GateCatalog.Create(kind, "my-" + kind);
            Assert.NotNull(gate);
            Assert.Equal("my-" + kind, gate.Name);
        }
        Assert.Contains(GateKinds.Command, GateCatalog.Kinds);
        Assert.Contains(GateKinds.Docs, GateCatalog.Kinds);
    }

    [Fact]
    public void Unknown_kinds_create_nothing() => Assert.Null(GateCatalog.Create("bandit", "x"));
}
