using Release.Sdk.Gates.Container;
using Release.Sdk.Gates.Coverage;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Security;
using Release.Sdk.Gates.Vulnerable;

namespace Release.Sdk.Gates.Tests.BuiltIn;

public sealed class BuildGatesCatalogTests
{
    [Theory]
    [InlineData("coverage", typeof(CoverageGate))]
    [InlineData("security", typeof(SecurityGate))]
    [InlineData("vulnerable", typeof(VulnerableDependenciesGate))]
    [InlineData("container", typeof(ContainerImageGate))]
    public void Each_build_gate_kind_creates_its_gate_under_the_items_name(string kind, Type type)
    {
        var gate = GateCatalog.Create(kind, "my-" + kind);

        Assert.IsType(type, gate);
        Assert.Equal("my-" + kind, gate!.Name);
    }
}
