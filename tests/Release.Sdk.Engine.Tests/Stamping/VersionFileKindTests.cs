using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

public sealed class VersionFileKindTests
{
    [Theory]
    [InlineData("helm/sql-synthesizer/Chart.yaml", nameof(VersionFileKind.HelmChart))]
    [InlineData(@"helm\chart\Chart.yaml", nameof(VersionFileKind.HelmChart))]
    [InlineData("web/package.json", nameof(VersionFileKind.PackageJson))]
    [InlineData("src/App/App.csproj", nameof(VersionFileKind.MSBuild))]
    [InlineData("src/Lib/Lib.fsproj", nameof(VersionFileKind.MSBuild))]
    [InlineData("Directory.Build.props", nameof(VersionFileKind.MSBuild))]
    [InlineData("VERSION", nameof(VersionFileKind.PlainText))]
    [InlineData("tools/version", nameof(VersionFileKind.PlainText))]
    public void KindIsInferredFromTheFileName(string path, string expected)
    {
        Assert.Equal(Enum.Parse<VersionFileKind>(expected), new VersionFileSpec(path).ResolveKind());
    }

    [Fact]
    public void PatternMeansRegexWhateverTheFileName()
    {
        Assert.Equal(VersionFileKind.Regex, new VersionFileSpec("package.json", Pattern: "x").ResolveKind());
    }

    [Fact]
    public void ExplicitKindWins()
    {
        Assert.Equal(VersionFileKind.PlainText, new VersionFileSpec("Chart.yaml", VersionFileKind.PlainText).ResolveKind());
    }

    [Fact]
    public void UnknownFileWithoutKindIsAConfigurationError()
    {
        var error = Assert.Throws<ReleaseException>(() => VersionStamper.Stamp(new VersionFileSpec("pyproject.toml"), "version = \"1\"", "2.0.0"));

        Assert.Equal("RSDK4004", error.Code);
        Assert.Contains("Pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsReportedBeforeAnythingElse()
    {
        var error = Assert.Throws<ReleaseException>(() => VersionStamper.Stamp(new VersionFileSpec("helm/x/Chart.yaml"), null, "2.0.0"));

        Assert.Equal("RSDK4003", error.Code);
    }
}
