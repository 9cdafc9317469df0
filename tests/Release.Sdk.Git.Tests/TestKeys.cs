using Release.Sdk.Git.History;

namespace Release.Sdk.Git.Tests;

/// <summary>Commit ids made up for store tests: <c>Of(n)</c> is the id whose hex is <c>n</c>, zero-padded to 40 digits.</summary>
internal static class TestKeys
{
    public static ObjectKey Of(int n)
    {
        Assert.True(ObjectKey.TryParse(n.ToString("x40"), out var key));
        return key;
    }
}
