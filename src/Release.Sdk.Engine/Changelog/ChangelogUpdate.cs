namespace Release.Sdk.Engine.Changelog;

/// <summary>The outcome of adding one release's notes to a changelog.</summary>
/// <param name="NewContent">The whole new file content (equal to the input when nothing changed).</param>
/// <param name="Changed">True when <paramref name="NewContent"/> differs from the existing content (write the file).</param>
/// <param name="AlreadyPresent">True when the changelog already had a heading for this version (a rerun): nothing was added.</param>
internal sealed record ChangelogUpdate(string NewContent, bool Changed, bool AlreadyPresent);
