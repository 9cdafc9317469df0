using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

/// <summary>The seed's scripts/update-version.py entries, as ReleaseVersionFile items with Pattern and Replacement.</summary>
public sealed class RegexStampingTests
{
    private static readonly VersionFileSpec PyProject = new("pyproject.toml", Pattern: "version = \"[^\"]+\"", Replacement: "version = \"${version}\"");
    private static readonly VersionFileSpec PackageInit = new("sql_synthesizer/__init__.py", Pattern: "__version__ = \"[^\"]+\"", Replacement: "__version__ = \"${version}\"");
    private static readonly VersionFileSpec SphinxConf = new("docs/conf.py", Pattern: "version = '[^']+'", Replacement: "version = '${version}'");

    [Fact]
    public void PyprojectVersionIsStamped()
    {
        var content = "[build-system]\nrequires = [\"setuptools>=68\"]\n\n[project]\nname = \"sql-synthesizer\"\nversion = \"0.3.1\"\nrequires-python = \">=3.11\"\n";

        var result = VersionStamper.Stamp(PyProject, content, "0.4.0");

        Assert.Equal(content.Replace("version = \"0.3.1\"", "version = \"0.4.0\"", StringComparison.Ordinal), result.NewContent);
        Assert.Equal([new StampChange(6, "version = \"0.3.1\"", "version = \"0.4.0\"")], result.Changes);
    }

    [Fact]
    public void PackageDunderVersionIsStamped()
    {
        var content = "\"\"\"SQL Query Synthesizer.\"\"\"\n\n__version__ = \"0.3.1\"\n__all__ = [\"synthesize\"]\n";

        var result = VersionStamper.Stamp(PackageInit, content, "0.4.0-beta.1");

        Assert.Equal("\"\"\"SQL Query Synthesizer.\"\"\"\n\n__version__ = \"0.4.0-beta.1\"\n__all__ = [\"synthesize\"]\n", result.NewContent);
    }

    [Fact]
    public void SphinxConfVersionAndReleaseLinesAreStamped()
    {
        // Sphinx's conf.py has both "version" and "release"; the seed's pattern hits every "version = '…'" (and "release" is not it).
        var content = "project = 'SQL Query Synthesizer'\ncopyright = '2024'\nversion = '0.3.1'\nrelease = '0.3.1'\n";

        var result = VersionStamper.Stamp(SphinxConf, content, "0.4.0");

        Assert.Equal("project = 'SQL Query Synthesizer'\ncopyright = '2024'\nversion = '0.4.0'\nrelease = '0.3.1'\n", result.NewContent);
    }

    [Fact]
    public void EveryMatchIsReplacedLikePythonsReSub()
    {
        var content = "version = \"1.0.0\"\n[tool.x]\nversion = \"1.0.0\"\n";

        var result = VersionStamper.Stamp(PyProject, content, "2.0.0");

        Assert.Equal([1, 3], result.Changes.Select(c => c.Line));
    }

    [Fact]
    public void PatternThatMatchesNothingIsAnErrorNotAWarning()
    {
        var error = Assert.Throws<ReleaseException>(() =>
            VersionStamper.Stamp(PyProject, "[project]\nname = \"x\"\ndynamic = [\"version\"]\n", "0.4.0"));

        Assert.Equal("RSDK4001", error.Code);
        Assert.Equal(DiagnosticCatalog.VersionFileNoMatch, error.Descriptor);
        Assert.Contains("pyproject.toml", error.Message, StringComparison.Ordinal);
        Assert.Contains("version = \"[^\"]+\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedVersionGroupWithoutReplacementReplacesOnlyTheGroup()
    {
        var spec = new VersionFileSpec("setup.cfg", Pattern: @"(?m)^version\s*=\s*(?<version>\S+)$");

        var result = VersionStamper.Stamp(spec, "[metadata]\nname = x\nversion   = 0.3.1\n", "0.4.0");

        Assert.Equal("[metadata]\nname = x\nversion   = 0.4.0\n", result.NewContent);
        Assert.Equal([new StampChange(3, "0.3.1", "0.4.0")], result.Changes);
    }

    [Fact]
    public void ReplacementCanUseCaptureGroups()
    {
        var spec = new VersionFileSpec("build.gradle", Pattern: "(version\\s*=\\s*)(['\"])[^'\"]+\\2", Replacement: "${1}${2}${version}${2}");

        var result = VersionStamper.Stamp(spec, "version = '1.0.0'\n", "1.1.0");

        Assert.Equal("version = '1.1.0'\n", result.NewContent);
    }

    [Fact]
    public void AlreadyStampedFileIsUnchanged()
    {
        var result = VersionStamper.Stamp(PyProject, "version = \"0.4.0\"\n", "0.4.0");

        Assert.False(result.Changed);
    }

    [Fact]
    public void CrlfLinesAreKept()
    {
        var result = VersionStamper.Stamp(PackageInit, "a = 1\r\n__version__ = \"0.3.1\"\r\n", "0.4.0");

        Assert.Equal("a = 1\r\n__version__ = \"0.4.0\"\r\n", result.NewContent);
    }

    [Theory]
    [InlineData("version = (", "version = \"${version}\"")]
    [InlineData("version = \"[^\"]+\"", null)]
    public void UnusablePatternIsAConfigurationError(string pattern, string? replacement)
    {
        var error = Assert.Throws<ReleaseException>(() =>
            VersionStamper.Stamp(new VersionFileSpec("pyproject.toml", Pattern: pattern, Replacement: replacement), "version = \"1\"", "2.0.0"));

        Assert.Equal("RSDK4004", error.Code);
    }

    [Fact]
    public void RegexKindWithoutPatternIsAConfigurationError()
    {
        var error = Assert.Throws<ReleaseException>(() => VersionStamper.Stamp(new VersionFileSpec("x.txt", VersionFileKind.Regex), "1", "2.0.0"));

        Assert.Equal("RSDK4004", error.Code);
    }
}
