using CsCheck;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;

namespace Release.Sdk.Engine.Tests.Branches;

/// <summary><see cref="BranchGlob"/> matches the default maintenance pattern by hand; on any name it must agree with <see cref="Glob"/>.</summary>
public sealed class BranchGlobTests
{
    [Theory]
    [InlineData("1.x")]
    [InlineData("1.2.x")]
    [InlineData("1.x.x")]
    [InlineData("10.20.x")]
    [InlineData("1.2.3")]
    [InlineData("1.X")]
    [InlineData("main")]
    [InlineData("")]
    [InlineData(BranchGlob.DefaultMaintenance)]
    public void KnownCases(string name)
    {
        Assert.Equal(Glob.IsMatch(name, BranchGlob.DefaultMaintenance), BranchGlob.IsMatch(name, BranchGlob.DefaultMaintenance));
    }

    [Fact]
    public void AgreesWithTheGlobOnAnyName()
    {
        var pieces = new[] { "1", "0", "42", "\u0663", ".", "x", "X", ".x", "\n", "/", "main", "-" };
        Gen.Int[0, pieces.Length - 1].Array[0, 8]
            .Sample(parts =>
            {
                var name = string.Concat(parts.Select(i => pieces[i]));
                return BranchGlob.IsMatch(name, BranchGlob.DefaultMaintenance) == Glob.IsMatch(name, BranchGlob.DefaultMaintenance);
            }, iter: 50_000);
    }

    [Fact]
    public void TheDefaultsUseThePattern()
    {
        Assert.Equal(BranchGlob.DefaultMaintenance, BranchSpec.Defaults[0].Name);
    }
}
