using NuGet.Versioning;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// A tag that matches the tag format and carries a valid version, as semantic-release's get-tags.js lists it per
/// branch. <see cref="Channels"/> are the release channels the tag was published on; null is the default channel.
/// </summary>
internal sealed record ReleaseTag(string Name, SemanticVersion Version, string CommitSha, IReadOnlyList<string?> Channels)
{
    public string VersionText => SemVer.Format(Version);

    public bool IsOnChannel(string? channel) => Channels.Any(c => ChannelNames.Same(c, channel));
}
