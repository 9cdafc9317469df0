using System.Text;

namespace Release.Sdk.Engine.Changelog;

/// <summary>
/// Adds a release's notes on top of a changelog with @semantic-release/changelog 6.0.3's layout
/// (lib/prepare.js): <c>title + "\n\n" + notes.trim() + "\n" + ("\n" + previous content + "\n")</c>, where the previous
/// content is the file without its title. For a file the plugin wrote itself the bytes are the plugin's. Where the
/// plugin would normalise the user's file, the existing content is kept byte for byte instead: its line-ending style
/// (inserted text follows it), a UTF-8 BOM, and its end (trailing blank lines, or no final newline).
/// </summary>
internal static class ChangelogWriter
{
    /// <param name="existingContent">The current file; null when there is no file yet.</param>
    /// <param name="notes">The release notes (as the notes generator renders them, "\n" line breaks).</param>
    /// <param name="version">The version being released; when a heading for it exists already nothing is added.</param>
    public static ChangelogUpdate Prepend(string? existingContent, string notes, string version, ChangelogOptions options)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(options);
        var existing = existingContent ?? "";
        var unchanged = new ChangelogUpdate(existing, Changed: false, AlreadyPresent: false);

        var trimmedNotes = LineEndings.JsTrim(notes);
        if (trimmedNotes.Length == 0) return unchanged;
        if (ChangelogVersionHeadings.Contains(existing, version)) return unchanged with { AlreadyPresent = true };

        var hasBom = existing.Length > 0 && existing[0] == LineEndings.ByteOrderMark;
        var newline = LineEndings.Detect(existing);
        var title = options.EffectiveTitle is { } t ? LineEndings.Normalize(t, newline) : null;
        var previous = PreviousContent(existing, title, newline);

        var content = new StringBuilder(existing.Length + notes.Length + 64);
        if (hasBom) content.Append(LineEndings.ByteOrderMark);
        if (title is not null) content.Append(title).Append(newline).Append(newline);
        content.Append(LineEndings.Normalize(trimmedNotes, newline)).Append(newline);
        if (previous.Length > 0) content.Append(newline).Append(previous);

        var newContent = content.ToString();
        return new ChangelogUpdate(newContent, Changed: !string.Equals(newContent, existing, StringComparison.Ordinal), AlreadyPresent: false);
    }

    /// <summary>
    /// The file after its leading whitespace and its title (when the file starts with the title on a line of its own),
    /// up to and including its original end. Blank when the file has nothing else.
    /// </summary>
    private static string PreviousContent(string existing, string? title, string newline)
    {
        var body = LineEndings.JsTrimStart(existing);
        if (title is not null && StartsWithTitle(body, title)) body = LineEndings.JsTrimStart(body[title.Length..]);
        return body.Trim().Length == 0 ? "" : body;
    }

    // The plugin tests currentFile.startsWith(changelogTitle) alone, so "# Changelog" would also swallow the first
    // characters of "# Changelog for X"; requiring the title to end a line avoids eating the user's heading.
    private static bool StartsWithTitle(string body, string title) =>
        body.StartsWith(title, StringComparison.Ordinal)
        && (body.Length == title.Length || body[title.Length] is '\r' or '\n' || char.IsWhiteSpace(title[^1]));
}
