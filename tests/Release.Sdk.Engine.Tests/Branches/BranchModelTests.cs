using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Branches;

/// <summary>lib/branches/* semantics on hand-made inputs: which branch is what, in which order, with which channel and range.</summary>
public sealed class BranchModelTests
{
    private readonly Dictionary<string, List<ReleaseTag>> _tagsByTip = new(StringComparer.Ordinal);
    private readonly List<string> _tagReads = [];

    private BranchModel Resolve(IReadOnlyList<BranchSpec> specs, params string[] branchNames) =>
        BranchModel.Resolve(specs, branchNames.Select(n => new BranchTip(n, "tip-" + n)).ToList(), tip =>
        {
            _tagReads.Add(tip);
            return _tagsByTip.GetValueOrDefault(tip) ?? [];
        });

    private void Tags(string branch, params string[] versions) =>
        _tagsByTip["tip-" + branch] = versions.Select(v => new ReleaseTag("v" + v, SemVer.Parse(v), "sha-" + v, [null])).ToList();

    [Theory]
    [InlineData("1.x", true)]
    [InlineData("1.2.x", true)]
    [InlineData("10.x", true)]
    [InlineData("1.x.x", true)]
    [InlineData("1.x.y", false)]
    [InlineData("v1.x", false)]
    [InlineData("1.2.3", false)]
    [InlineData("main", false)]
    public void DefaultMaintenanceGlobMatchesMaintenanceNames(string name, bool maintenance)
    {
        var model = name == "main" ? Resolve(BranchSpec.Defaults, "main") : Resolve(BranchSpec.Defaults, "main", name);

        Assert.Equal(maintenance, model.Find(name)?.Type == BranchType.Maintenance);
    }

    [Fact]
    public void BranchesComeOutAsMaintenanceThenReleaseThenPrerelease()
    {
        var model = Resolve(BranchSpec.Defaults, "alpha", "beta", "next", "main", "2.x", "1.x", "10.x", "feature");

        // lodash sortBy on the range text: ordinal, so "1.x" < "10.x" < "2.x".
        Assert.Equal(["1.x", "10.x", "2.x", "main", "next", "beta", "alpha"], model.Branches.Select(b => b.Name));
        Assert.Null(model.Find("feature"));
    }

    [Fact]
    public void FirstReleaseBranchIsTheDefaultChannelAndTheOthersAreNamedChannels()
    {
        var model = Resolve(BranchSpec.Defaults, "master", "main", "next");

        Assert.Equal([null, "main", "next"], model.Branches.Select(b => b.Channel));
        Assert.True(model.Find("master")!.IsMain);
        Assert.False(model.Find("main")!.IsMain);
    }

    [Fact]
    public void MissingReleaseBranchesMakeTheNextOneMain()
    {
        var model = Resolve(BranchSpec.Defaults, "next", "main");

        Assert.True(model.Find("main")!.IsMain);
        Assert.Null(model.Find("main")!.Channel);
        Assert.Equal("next", model.Find("next")!.Channel);
    }

    [Fact]
    public void PrereleaseTrueUsesTheBranchNameAndChannel()
    {
        var beta = Resolve(BranchSpec.Defaults, "main", "beta").Find("beta")!;

        Assert.Equal(BranchType.Prerelease, beta.Type);
        Assert.Equal("beta", beta.Prerelease);
        Assert.Equal("beta", beta.Channel);
        Assert.Null(beta.Range);
    }

    [Fact]
    public void NameTemplatesAreRenderedPerMatchedBranch()
    {
        BranchSpec[] specs = [new("main"), new("pre-*", Channel: "channel-${name}", Prerelease: "${name}")];

        var model = Resolve(specs, "main", "pre-rc", "pre-beta");

        Assert.Equal("pre-rc", model.Find("pre-rc")!.Prerelease);
        Assert.Equal("channel-pre-beta", model.Find("pre-beta")!.Channel);
    }

    [Fact]
    public void OtherTemplateExpressionsAreRsdk1002()
    {
        BranchSpec[] specs = [new("main"), new("pre/*", Prerelease: "${name.replace(/^pre\\//g, '')}")];

        var e = Assert.Throws<ReleaseException>(() => Resolve(specs, "main", "pre/rc"));

        Assert.Equal("RSDK1002", e.Code);
        Assert.Contains("${name}", e.Message);
    }

    [Fact]
    public void FirstMatchingEntryTakesTheBranch()
    {
        BranchSpec[] specs = [new("main"), new("b*", Prerelease: "early"), new("beta", Prerelease: "")];

        var model = Resolve(specs, "main", "beta");

        Assert.Equal("early", model.Find("beta")!.Prerelease);
        Assert.Equal(3, specs.Length);
        Assert.Equal(2, model.Branches.Count);
    }

    [Fact]
    public void MaintenanceBranchWithExplicitRange()
    {
        BranchSpec[] specs = [new("main"), new("support/*", Range: "1.2.x")];
        Tags("main", "1.0.0", "1.2.0", "1.3.0");
        Tags("support/one", "1.0.0", "1.2.0");

        var support = Resolve(specs, "main", "support/one").Find("support/one")!;

        Assert.Equal(BranchType.Maintenance, support.Type);
        Assert.Equal("support/one", support.Channel);
        Assert.Equal(">=1.2.0 <1.3.0", support.Range!.ToString());
        Assert.Equal([ReleaseType.Patch], support.Accept);
    }

    [Fact]
    public void MaintenanceRangesThatCoverTheSameVersionsAreRsdk3002()
    {
        var e = Assert.Throws<ReleaseException>(() => Resolve(BranchSpec.Defaults, "main", "1.x", "1.x.x"));

        Assert.Equal("RSDK3002", e.Code);
        Assert.StartsWith("EMAINTENANCEBRANCHES", e.Message);
    }

    [Fact]
    public void NoExistingReleaseBranchIsRsdk3003()
    {
        var e = Assert.Throws<ReleaseException>(() => Resolve(BranchSpec.Defaults, "beta", "1.x"));

        Assert.Equal("RSDK3003", e.Code);
        Assert.Contains("none exists", e.Message);
    }

    [Fact]
    public void ABranchListedTwiceIsRsdk3005()
    {
        var e = Assert.Throws<ReleaseException>(() => Resolve([new("main"), new("main", Channel: "x")], "main", "main"));

        Assert.Equal("RSDK3005", e.Code);
        Assert.StartsWith("EDUPLICATEBRANCHES", e.Message);
    }

    [Fact]
    public void ReleaseRangesAreCappedByTheNextReleaseBranch()
    {
        Tags("main", "1.0.0", "1.1.0");
        Tags("next", "1.0.0", "1.1.0", "2.0.0");
        Tags("next-major", "1.0.0", "1.1.0", "2.0.0", "3.0.0");

        var model = Resolve(BranchSpec.Defaults, "main", "next", "next-major");

        Assert.Equal(">=1.1.0 <2.0.0", model.Find("main")!.Range!.ToString());
        Assert.Equal([ReleaseType.Patch, ReleaseType.Minor], model.Find("main")!.Accept);
        Assert.Equal(">=2.0.0 <3.0.0", model.Find("next")!.Range!.ToString());
        Assert.Equal(">=3.0.0", model.Find("next-major")!.Range!.ToString());
        Assert.Equal([ReleaseType.Patch, ReleaseType.Minor, ReleaseType.Major], model.Find("next-major")!.Accept);
    }

    [Fact]
    public void ReleaseBranchWithoutTagsStartsAtOneZeroZero()
    {
        Assert.Equal(">=1.0.0", Resolve(BranchSpec.Defaults, "main").Find("main")!.Range!.ToString());
    }

    [Fact]
    public void AcceptOfAnEmptyRangeFollowsSemanticReleasesIndexOfQuirk()
    {
        // semverDiff(lastVersion, bound) is undefined when they are equal; RELEASE_TYPE.indexOf(undefined) is -1 and
        // slice(0, -1) keeps [patch, minor] on a release branch, while a maintenance branch accepts nothing.
        Tags("main", "1.0.0", "2.0.0");
        Tags("next", "1.0.0", "2.0.0");

        var model = Resolve(BranchSpec.Defaults, "main", "next");

        Assert.Equal([ReleaseType.Patch, ReleaseType.Minor], BranchBounds.AcceptFor(null));
        Assert.Equal(">=2.0.0", model.Find("next")!.Range!.ToString());
    }

    [Fact]
    public void PrereleaseBranchReadsOnlyItsOwnTags()
    {
        Tags("beta", "1.0.0");
        var model = Resolve(BranchSpec.Defaults, "main", "next", "1.x", "beta");

        _ = model.Find("beta")!.Tags;
        _ = model.Find("beta")!.Range;

        Assert.Equal(["tip-beta"], _tagReads);
    }

    [Fact]
    public void PrereleaseTagsOfTheBranchesIdentifierAreOnItsChannel()
    {
        Tags("beta", "1.0.0", "2.0.0-beta.1", "2.0.0-alpha.3");
        var beta = Resolve(BranchSpec.Defaults, "main", "beta").Find("beta")!;

        Assert.Equal([[null], ["beta"], [null]], beta.Tags.Select(t => t.Channels));
    }

    [Fact]
    public void HugeMaintenanceNumbersAreNotRangesRatherThanACrash()
    {
        var model = Resolve(BranchSpec.Defaults, "main", "99999999999.x");

        Assert.Equal(BranchType.Release, model.Find("99999999999.x")!.Type);
        Assert.Equal(">=1.0.0", model.Find("main")!.Range!.ToString());
    }
}
