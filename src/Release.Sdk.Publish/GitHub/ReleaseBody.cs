using System.Text;
using NuGet.Versioning;
using Octokit;
using GitHubRelease = Octokit.Release;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// The release body: the notes (or releaseBodyTemplate), with <c>addReleases</c> links to the other published releases
/// of the same major line, on top or at the bottom, separated by a rule as @semantic-release/github separates them.
/// </summary>
internal static class ReleaseBody
{
    private const int MaxLinks = 10;

    public static string Compose(string notes, AddReleasesPosition position, string currentTag, string? currentVersion, IEnumerable<GitHubRelease> releases)
    {
        if (position == AddReleasesPosition.None || currentVersion is null || !NuGetVersion.TryParse(currentVersion, out var current)) return notes;
        var others = releases
            .Where(r => !r.Draft && r.TagName != currentTag)
            .Select(r => (Release: r, Version: VersionOf(r.TagName)))
            .Where(x => x.Version is not null && x.Version.Major == current.Major)
            .OrderByDescending(x => x.Version)
            .Take(MaxLinks)
            .ToList();
        if (others.Count == 0) return notes;
        var links = new StringBuilder($"#### :gift: Other releases of {current.Major}.x\n");
        foreach (var (release, _) in others) links.Append("- [").Append(string.IsNullOrEmpty(release.Name) ? release.TagName : release.Name).Append("](").Append(release.HtmlUrl).Append(")\n");
        var block = links.ToString().TrimEnd('\n');
        return position == AddReleasesPosition.Top ? $"{block}\n\n---\n\n{notes}" : $"{notes}\n\n---\n\n{block}";
    }

    /// <summary>The version in a tag such as v1.2.3 or pkg@1.2.3: the text after the last prefix that is not part of a version.</summary>
    private static NuGetVersion? VersionOf(string tag)
    {
        for (var i = 0; i < tag.Length; i++)
            if (char.IsAsciiDigit(tag[i]) && (i == 0 || !char.IsAsciiDigit(tag[i - 1])) && NuGetVersion.TryParse(tag[i..], out var v)) return v;
        return null;
    }
}
