using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

public sealed class HelmChartStampingTests
{
    private const string Chart = """
        # Helm chart for the SQL Query Synthesizer
        apiVersion: v2
        name: sql-synthesizer
        description: "Natural language to SQL"   # shown by `helm search`
        type: application

        # Chart version: bumped on every release (SemVer 2)
        version: 1.2.3 # keep in sync with the app

        # Version of the application image
        appVersion: "1.2.3"

        keywords:
          - sql
          - nlp
        dependencies:
          - name: postgresql
            version: 12.1.6   # the dependency's own chart version
            repository: https://charts.bitnami.com/bitnami
            condition: postgresql.enabled
          - name: redis
            version: "17.3.x"
            repository: https://charts.bitnami.com/bitnami
        maintainers:
          - name: Platform team
            email: platform@example.com
        annotations:
          version: do-not-touch
        """;

    private static StampResult Stamp(string content, string version = "1.3.0") =>
        VersionStamper.Stamp(new VersionFileSpec("helm/sql-synthesizer/Chart.yaml"), content, version);

    [Fact]
    public void VersionAndAppVersionChangeAndNothingElse()
    {
        var result = Stamp(Chart);

        var expected = Chart
            .Replace("version: 1.2.3 # keep", "version: 1.3.0 # keep", StringComparison.Ordinal)
            .Replace("appVersion: \"1.2.3\"", "appVersion: \"1.3.0\"", StringComparison.Ordinal);
        Assert.Equal(expected, result.NewContent);
        Assert.Equal([new StampChange(8, "1.2.3", "1.3.0"), new StampChange(11, "\"1.2.3\"", "\"1.3.0\"")], result.Changes);
    }

    [Fact]
    public void DependencyVersionsAreNotTouched()
    {
        var result = Stamp(Chart);

        Assert.Contains("version: 12.1.6   # the dependency's own chart version", result.NewContent, StringComparison.Ordinal);
        Assert.Contains("version: \"17.3.x\"", result.NewContent, StringComparison.Ordinal);
        Assert.Contains("version: do-not-touch", result.NewContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedRegexWouldHaveBrokenTheDependenciesButTheChartKindDoesNot()
    {
        // The seed's update-version.py line for Chart.yaml, as a Regex item: it rewrites every "version:" it sees.
        var seed = VersionStamper.Stamp(new VersionFileSpec("Chart.yaml", VersionFileKind.Regex, "version: [^\n]+", "version: ${version}"), Chart, "1.3.0");

        Assert.DoesNotContain("12.1.6", seed.NewContent, StringComparison.Ordinal);
        Assert.Contains("12.1.6", Stamp(Chart).NewContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UnquotedAppVersionIsWrittenDoubleQuoted()
    {
        var result = Stamp("apiVersion: v2\nname: x\nversion: 0.1.0\nappVersion: 0.1.0\n");

        Assert.Equal("apiVersion: v2\nname: x\nversion: 1.3.0\nappVersion: \"1.3.0\"\n", result.NewContent);
    }

    [Fact]
    public void QuotingStyleOfVersionIsKept()
    {
        var result = Stamp("apiVersion: v2\nname: x\nversion: \"0.1.0\"\nappVersion: '0.1.0'\n");

        Assert.Equal("apiVersion: v2\nname: x\nversion: \"1.3.0\"\nappVersion: '1.3.0'\n", result.NewContent);
    }

    [Fact]
    public void ChartWithoutAppVersionOnlyGetsTheChartVersion()
    {
        var result = Stamp("apiVersion: v2\nname: library\ntype: library\nversion: 0.1.0\n");

        Assert.Equal("apiVersion: v2\nname: library\ntype: library\nversion: 1.3.0\n", result.NewContent);
        Assert.Single(result.Changes);
    }

    [Fact]
    public void CrlfAndByteOrderMarkSurvive()
    {
        var content = "\uFEFF# chart\r\napiVersion: v2\r\nname: x\r\nversion: 0.1.0\r\nappVersion: \"0.1.0\"\r\n";

        var result = Stamp(content, "2.0.0-beta.1");

        Assert.Equal("\uFEFF# chart\r\napiVersion: v2\r\nname: x\r\nversion: 2.0.0-beta.1\r\nappVersion: \"2.0.0-beta.1\"\r\n", result.NewContent);
        Assert.Equal([4, 5], result.Changes.Select(c => c.Line));
    }

    [Fact]
    public void KeysInAnotherOrderAndFlowStyleWork()
    {
        var result = Stamp("{appVersion: \"0.1.0\", name: x, version: 0.1.0, apiVersion: v2}\n");

        Assert.Equal("{appVersion: \"1.3.0\", name: x, version: 1.3.0, apiVersion: v2}\n", result.NewContent);
    }

    [Fact]
    public void AnchoredVersionKeepsItsAnchor()
    {
        var result = Stamp("apiVersion: v2\nname: x\nversion: &v 0.1.0\nappVersion: *v\n");

        Assert.Equal("apiVersion: v2\nname: x\nversion: &v 1.3.0\nappVersion: *v\n", result.NewContent);
    }

    [Fact]
    public void EmptyVersionValueIsFilledIn()
    {
        var result = Stamp("apiVersion: v2\nname: x\nversion:\nappVersion: \"0.1.0\"\n");

        Assert.Equal("apiVersion: v2\nname: x\nversion: 1.3.0\nappVersion: \"1.3.0\"\n", result.NewContent);
    }

    [Fact]
    public void AlreadyStampedChartIsUnchanged()
    {
        var once = Stamp(Chart);

        var twice = Stamp(once.NewContent);

        Assert.False(twice.Changed);
        Assert.Same(once.NewContent, twice.NewContent);
    }

    [Fact]
    public void ChartWithoutTopLevelVersionIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => Stamp("apiVersion: v2\nname: x\ndependencies:\n  - name: y\n    version: 1.0.0\n"));

        Assert.Equal("RSDK4001", error.Code);
        Assert.Contains("Chart.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYamlIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => Stamp("apiVersion: v2\nname: [x\nversion: 0.1.0\n"));

        Assert.Equal("RSDK4002", error.Code);
    }

    [Fact]
    public void VersionThatIsAMappingIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => Stamp("apiVersion: v2\nversion:\n  major: 1\n"));

        Assert.Equal("RSDK4002", error.Code);
    }
}
