namespace Release.Sdk.Engine.Branches;

/// <summary>
/// One entry of semantic-release's <c>branches</c> option. <see cref="Name"/> may be a glob
/// (<c>+([0-9])?(.{+([0-9]),x}).x</c>). <see cref="Prerelease"/>: null = not a prerelease branch; "" = prerelease
/// named after the branch (<c>"prerelease": true</c>); otherwise the prerelease identifier template.
/// <see cref="Channel"/>: null = semantic-release's default for the branch kind; <see cref="ChannelIsFalse"/> = <c>"channel": false</c>.
/// </summary>
internal sealed record BranchSpec(
    string Name,
    string? Channel = null,
    string? Prerelease = null,
    string? Range = null,
    bool ChannelIsFalse = false)
{
    /// <summary>semantic-release's default <c>branches</c>.</summary>
    public static IReadOnlyList<BranchSpec> Defaults { get; } =
    [
        new("+([0-9])?(.{+([0-9]),x}).x"),
        new("master"),
        new("main"),
        new("next"),
        new("next-major"),
        new("beta", Prerelease: ""),
        new("alpha", Prerelease: ""),
    ];
}
