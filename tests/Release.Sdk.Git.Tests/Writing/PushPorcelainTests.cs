using Release.Sdk.Git.Writing;

namespace Release.Sdk.Git.Tests.Writing;

public sealed class PushPorcelainTests
{
    [Fact]
    public void UpdatedAndUpToDateRefsAreAccepted()
    {
        const string output = "To /tmp/origin\n \tHEAD:refs/heads/main\t1111111..2222222\n*\trefs/tags/v1.0.0:refs/tags/v1.0.0\t[new tag]\nDone\n";
        var result = PushPorcelain.Read(0, output, "");
        Assert.NotNull(result);
        Assert.True(result.Accepted);
        Assert.True(PushPorcelain.Read(0, "To /tmp/origin\n=\tHEAD:refs/heads/main\t[up to date]\nDone\n", "")!.Accepted);
    }

    [Fact]
    public void RejectionNamesTheCulpritFirstAndQuotesTheRemote()
    {
        const string output = "To /tmp/origin\n!\tHEAD:refs/heads/main\t[remote rejected] (atomic push failure)\n!\trefs/tags/v1.0.0:refs/tags/v1.0.0\t[remote rejected] (pre-receive hook declined)\nDone\n";
        const string error = "remote: GH013: Repository rule violations found\nremote: \nerror: failed to push some refs to '/tmp/origin'\n";

        var result = PushPorcelain.Read(1, output, error);

        Assert.NotNull(result);
        Assert.False(result.Accepted);
        Assert.Equal("refs/tags/v1.0.0: [remote rejected] (pre-receive hook declined); refs/heads/main: [remote rejected] (atomic push failure)" +
            " — the remote said: GH013: Repository rule violations found", result.RejectionReason);
    }

    [Fact]
    public void NoRefLinesMeansTheRemoteNeverDecided()
    {
        Assert.Null(PushPorcelain.Read(128, "", "fatal: unable to access 'https://github.com/acme/tool.git/': Could not resolve host\n"));
        Assert.Null(PushPorcelain.Read(128, "To https://github.com/acme/tool.git\n", "fatal: Authentication failed\n"));
    }

    [Fact]
    public void FailureWithoutARejectedRefIsNotAnAcceptance()
    {
        Assert.Null(PushPorcelain.Read(1, "To /tmp/origin\n \tHEAD:refs/heads/main\t1111111..2222222\nDone\n", "error: hook failed\n"));
    }
}
