using Release.Sdk.Gates.Vulnerable;

namespace Release.Sdk.Gates.Tests.Vulnerable;

public sealed class AdvisoryRangesTests
{
    [Theory]
    [InlineData("[, 13.0.1)", "13.0.1")]
    [InlineData("[1.0.0, 2.1.0)", "2.1.0")]
    [InlineData("(, 4.0.0-beta.2)", "4.0.0-beta.2")]
    [InlineData("[, 12.0.3]", null)] // inclusive upper bound: the next good version is not named
    [InlineData("[1.0.0, )", null)] // every later version affected: no fix
    [InlineData("not a range", null)]
    public void The_fixed_version_is_the_exclusive_upper_bound(string range, string? expected)
    {
        Assert.Equal(expected, AdvisoryRanges.FixedVersion(range));
    }

    [Fact]
    public void Reads_the_documented_service_index_index_and_page_shapes()
    {
        Assert.Equal("http://h/v/index.json", AdvisoryRanges.VulnerabilityResource(
            """{ "version": "3.0.0", "resources": [ { "@id": "http://h/p", "@type": "PackageBaseAddress/3.0.0" }, { "@id": "http://h/v/index.json", "@type": "VulnerabilityInfo/6.7.0" } ] }"""));
        Assert.Equal(["http://h/v/base.json", "http://h/v/updates.json"], AdvisoryRanges.PageUrls(
            """[ { "@name": "base", "@id": "http://h/v/base.json", "@updated": "2026-01-01T00:00:00Z" }, { "@name": "updates", "@id": "http://h/v/updates.json", "@updated": "2026-01-02T00:00:00Z" } ]"""));
        var page = AdvisoryRanges.ParsePage("""{ "Newtonsoft.Json": [ { "severity": 2, "url": "https://a/GHSA-1", "versions": "[, 13.0.1)" } ] }""");
        Assert.Equal("[, 13.0.1)", page["newtonsoft.json"]["https://a/GHSA-1"]);
    }

    [Fact]
    public void Documents_of_the_wrong_shape_read_as_nothing()
    {
        Assert.Null(AdvisoryRanges.VulnerabilityResource("{ \"resources\": [] }"));
        Assert.Null(AdvisoryRanges.VulnerabilityResource("<html>"));
        Assert.Empty(AdvisoryRanges.PageUrls("{}"));
        Assert.Empty(AdvisoryRanges.ParsePage("[]"));
    }
}
