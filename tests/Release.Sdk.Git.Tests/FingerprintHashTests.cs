using Release.Sdk.Git.History;

namespace Release.Sdk.Git.Tests;

public sealed class FingerprintHashTests
{
    [Fact]
    public void IsStableAndTellsNearlyEqualInputsApart()
    {
        Assert.Equal(FingerprintHash.Of("refs/heads/main=abc\n"), FingerprintHash.Of("refs/heads/main=abc\n"));
        Assert.Equal(32, FingerprintHash.Of("").Length);
        var seen = new HashSet<string>();
        // Inputs that differ in one character, in length only, or by a swap: a cache key must change for each.
        foreach (var text in Enumerable.Range(0, 20_000).SelectMany(i => new[] { $"tag v1.{i}.0", $"tag v1.{i}.0 ", $"gat v1.{i}.0", $"tag v1.0.{i}" }))
            seen.Add(FingerprintHash.Of(text));
        Assert.Equal(80_000 - 1, seen.Count); // "tag v1.0.0" appears twice (i = 0 in the first and last forms)
    }
}
