extern alias router;

using router::Release.Sdk.Router;

namespace Release.Sdk.Deploy.Adapters.Tests.Unit;

public sealed class WeightedSelectorTests
{
    private sealed record Destination(string Name, string Group);

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(75)]
    [InlineData(1)]
    public void Smooth_weighted_round_robin_gives_each_group_its_exact_share(int canaryPercent)
    {
        var selector = new WeightedSelector();
        Destination[] destinations = [new("s1", "stable"), new("s2", "stable"), new("c1", "canary")];
        var weights = new Dictionary<string, int> { ["stable"] = 100 - canaryPercent, ["canary"] = canaryPercent };

        var picks = Enumerable.Range(0, 10_000).Select(_ => selector.Pick(destinations, d => d.Group, g => weights[g])!).ToList();

        // Exact, not statistical: 10 000 picks at p % are p × 100 canary picks.
        Assert.Equal(canaryPercent * 100, picks.Count(p => p.Group == "canary"));
        // Within a group, round-robin.
        Assert.Equal(picks.Count(p => p.Name == "s1"), picks.Count(p => p.Name == "s2"));
    }

    [Fact]
    public void Any_window_of_100_picks_is_within_one_of_the_weight()
    {
        var selector = new WeightedSelector();
        Destination[] destinations = [new("s", "stable"), new("c", "canary")];
        var picks = Enumerable.Range(0, 1000).Select(_ => selector.Pick(destinations, d => d.Group, g => g == "canary" ? 10 : 90)!.Group).ToList();
        for (var start = 0; start + 100 <= picks.Count; start += 7)
            Assert.InRange(picks.Skip(start).Take(100).Count(g => g == "canary"), 9, 11);
    }

    [Fact]
    public void Groups_with_weight_zero_or_without_candidates_get_nothing()
    {
        var selector = new WeightedSelector();
        Destination[] onlyStable = [new("s", "stable")];
        var weights = new Dictionary<string, int> { ["stable"] = 0, ["canary"] = 100 };

        Assert.Null(selector.Pick(onlyStable, d => d.Group, g => weights[g]));
        Assert.Equal("s", selector.PickAny(onlyStable)!.Name);
        Assert.Null(selector.PickAny(Array.Empty<Destination>()));
    }
}
