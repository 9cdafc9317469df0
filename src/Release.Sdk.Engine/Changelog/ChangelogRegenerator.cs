using System.Text;
using NuGet.Versioning;

namespace Release.Sdk.Engine.Changelog;

/// <summary>
/// Rebuilds a whole changelog from past releases (<c>dotnet-release changelog --regenerate</c>). The result is exactly
/// what @semantic-release/changelog would have written had it run for every release in version order: newest release
/// first, below the title, sections separated by one blank line, one final newline. Releases whose notes render blank
/// are left out, and a version appears once, as the plugin skips empty notes and our rerun guard skips known versions.
/// </summary>
internal static class ChangelogRegenerator
{
    /// <param name="releases">The releases, in any order.</param>
    /// <param name="renderNotes">Renders one release's notes (the notes generator); called once per release.</param>
    public static string Render(IReadOnlyList<ReleaseSection> releases, Func<ReleaseSection, string> renderNotes, ChangelogOptions options)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(renderNotes);
        ArgumentNullException.ThrowIfNull(options);

        var sections = releases
            .DistinctBy(r => r.Release.Version, VersionComparer.Default)
            .OrderByDescending(r => r.Release.Version, VersionComparer.Default)
            .Select(r => LineEndings.JsTrim(renderNotes(r)))
            .Where(notes => notes.Length > 0)
            .ToList();
        if (sections.Count == 0) return "";

        var changelog = new StringBuilder();
        if (options.EffectiveTitle is { } title) changelog.Append(LineEndings.Normalize(title, "\n")).Append("\n\n");
        changelog.AppendJoin("\n\n", sections).Append('\n');
        return changelog.ToString();
    }
}
