using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

public sealed class PackageJsonStampingTests
{
    private static StampResult Stamp(string content, string version = "1.3.0") =>
        VersionStamper.Stamp(new VersionFileSpec("web/package.json"), content, version);

    [Fact]
    public void TopLevelVersionChangesAndFormattingStays()
    {
        var content = "{\n    \"name\": \"widget-ui\",\n    \"version\":   \"1.2.3\" ,\n    \"engines\": { \"node\": \">=20\", \"version\": \"x\" },\n    \"dependencies\": {\"version\": \"^1.0.0\"}\n}";

        var result = Stamp(content);

        Assert.Equal(content.Replace("\"1.2.3\"", "\"1.3.0\"", StringComparison.Ordinal), result.NewContent);
        Assert.Equal([new StampChange(3, "\"1.2.3\"", "\"1.3.0\"")], result.Changes);
    }

    [Fact]
    public void NonAsciiTextBeforeTheVersionDoesNotShiftTheEdit()
    {
        var content = "\uFEFF{\r\n  \"description\": \"🚀 Spëed — ünïcode\",\r\n  \"version\": \"0.0.0-development\"\r\n}\r\n";

        var result = Stamp(content, "2.0.0-beta.1");

        Assert.Equal("\uFEFF{\r\n  \"description\": \"🚀 Spëed — ünïcode\",\r\n  \"version\": \"2.0.0-beta.1\"\r\n}\r\n", result.NewContent);
    }

    [Fact]
    public void NumericVersionIsReplacedByAString()
    {
        Assert.Equal("{\"version\": \"1.3.0\"}", Stamp("{\"version\": 1}").NewContent);
    }

    [Fact]
    public void PackageWithoutVersionIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => Stamp("{\"name\": \"x\", \"engines\": {\"version\": \"1\"}}"));

        Assert.Equal("RSDK4001", error.Code);
    }

    [Fact]
    public void InvalidJsonIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => Stamp("{\"name\": \"x\", \"version\": \"1.0.0\",,}"));

        Assert.Equal("RSDK4002", error.Code);
    }
}
