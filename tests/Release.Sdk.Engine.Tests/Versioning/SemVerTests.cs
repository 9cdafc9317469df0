using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>The node-semver 7 behaviours semantic-release relies on (expected values from node-semver's own inc/diff tables).</summary>
public sealed class SemVerTests
{
    [Theory]
    [InlineData("1.2.3", "major", "2.0.0")]
    [InlineData("1.2.3", "minor", "1.3.0")]
    [InlineData("1.2.3", "patch", "1.2.4")]
    [InlineData("2.0.0-beta.1", "major", "2.0.0")]
    [InlineData("2.1.0-beta.1", "major", "3.0.0")]
    [InlineData("1.2.0-beta.1", "minor", "1.2.0")]
    [InlineData("1.2.1-beta.1", "minor", "1.3.0")]
    [InlineData("1.2.1-beta.1", "patch", "1.2.1")]
    [InlineData("0.3.0", "major", "1.0.0")]
    public void IncrementFollowsNodeSemver(string from, string type, string expected)
    {
        var release = Enum.Parse<ReleaseType>(type, ignoreCase: true);

        Assert.Equal(expected, SemVer.Format(SemVer.Increment(SemVer.Parse(from), release)));
    }

    [Theory]
    [InlineData("2.0.0-beta.1", "2.0.0-beta.2")]
    [InlineData("2.0.0-beta.9", "2.0.0-beta.10")]
    [InlineData("2.0.0-beta.1.rc", "2.0.0-beta.2.rc")]
    [InlineData("2.0.0-beta", "2.0.0-beta.0")]
    [InlineData("2.0.0", "2.0.1-0")]
    public void PrereleaseIncrementBumpsTheLastNumber(string from, string expected)
    {
        Assert.Equal(expected, SemVer.Format(SemVer.IncrementPrerelease(SemVer.Parse(from))));
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0", "major")]
    [InlineData("1.1.0", "2.0.0", "major")]
    [InlineData("1.0.0", "1.1.0", "minor")]
    [InlineData("1.0.0", "1.0.1", "patch")]
    [InlineData("1.0.0", "2.0.0-beta.1", "premajor")]
    [InlineData("1.0.0-beta.1", "1.0.0", "major")]
    [InlineData("1.1.0-beta.1", "1.1.0", "minor")]
    [InlineData("1.1.1-beta.1", "1.1.1", "patch")]
    [InlineData("1.0.0-beta.1", "1.0.0-beta.2", "prerelease")]
    [InlineData("2.0.0", "1.0.0", null)]
    [InlineData("1.0.0", "1.0.0", null)]
    public void DiffFollowsSemverDiff(string from, string to, string? expected)
    {
        Assert.Equal(expected, SemVer.Diff(SemVer.Parse(from), SemVer.Parse(to)));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3-beta.1")]
    [InlineData("1.2.3-0.a-b.c+build.7")]
    public void StrictSemVerIsAccepted(string text)
    {
        Assert.NotNull(SemVer.TryParse(text));
    }

    [Theory]
    [InlineData("01.2.3")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("1.2.3-01")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-beta..1")]
    public void NonSemVerIsRejected(string text)
    {
        Assert.Null(SemVer.TryParse(text));
    }

    [Fact]
    public void PrereleasesOrderNumericallyAndBelowTheRelease()
    {
        var ordered = new[] { "2.0.0", "2.0.0-beta.10", "2.0.0-alpha.1", "2.0.0-beta.2", "1.9.9" }
            .Select(SemVer.Parse).OrderBy(v => v, NuGet.Versioning.VersionComparer.Default).Select(SemVer.Format);

        Assert.Equal(["1.9.9", "2.0.0-alpha.1", "2.0.0-beta.2", "2.0.0-beta.10", "2.0.0"], ordered);
    }
}
