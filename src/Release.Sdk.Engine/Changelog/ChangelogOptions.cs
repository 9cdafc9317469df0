namespace Release.Sdk.Engine.Changelog;

/// <summary>
/// The changelog plugin's options (<c>changelogTitle</c>). A null or blank title means no title, as
/// @semantic-release/changelog treats an absent one.
/// </summary>
internal sealed record ChangelogOptions(string? Title = null)
{
    public static ChangelogOptions Default { get; } = new();

    public string? EffectiveTitle => string.IsNullOrWhiteSpace(Title) ? null : Title;
}
