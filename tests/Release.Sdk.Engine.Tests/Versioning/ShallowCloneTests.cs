using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Tests.Fakes;

namespace Release.Sdk.Engine.Tests.Versioning;

public sealed class ShallowCloneTests
{
    [Fact]
    public void ShallowCloneCutBeforeTheLastReleaseIsRsdk2001NamingTheFix()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commits("fix: a", "fix: b");
        r.Shallow(r.Head);

        var e = Assert.Throws<ReleaseException>(() => Decide.With(r));

        Assert.Equal("RSDK2001", e.Code);
        Assert.Contains("fetch-depth: 0", e.Message);
        Assert.Contains("ReleaseDeepenShallowClone=true", e.Message);
    }

    [Fact]
    public void ShallowCloneThatStillReachesTheLastReleaseIsFine()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial");
        var boundary = r.Commit("feat: second"); r.Tag("v1.0.0");
        r.Commits("fix: a", "fix: b");
        r.Shallow(boundary);

        var d = Decide.With(r);

        Assert.Equal("1.0.1", d.NextVersion);
        Assert.Equal(2, d.CommitCount);
    }

    [Fact]
    public void ShallowCloneWithoutAnyTagIsRsdk2001()
    {
        var r = new FakeRepository();
        r.Commits("feat: a", "feat: b");
        r.Shallow(r.Head);

        Assert.Equal("RSDK2001", Assert.Throws<ReleaseException>(() => Decide.With(r)).Code);
    }
}
