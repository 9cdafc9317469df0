using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Notes;

/// <summary>A commit after the preset's writer transform: its section, display scope, linked subject and remaining references.</summary>
/// <param name="Section">The section title (the writer's <c>type</c>); null or empty groups it under no title.</param>
/// <param name="Scope">Shown scope (<c>*</c> and configured scopes become empty).</param>
/// <param name="Subject">Subject with issue and user links; null when the header did not parse.</param>
/// <param name="References">References not already linked in the subject.</param>
internal sealed record NotesCommit(
    ConventionalCommit Parsed,
    string? Section,
    string? Scope,
    string? Subject,
    IReadOnlyList<CommitReference> References)
{
    public string Hash => Parsed.Field("hash") ?? "";

    public string ShortHash => Hash.Length > 7 ? Hash[..7] : Hash;

    public string Header => Parsed.Header;

    /// <summary>A field of the transformed commit by name, for <c>commitsSort</c> and URL formats.</summary>
    public string? Field(string name) => name switch
    {
        "type" => Section,
        "scope" => Scope,
        "subject" => Subject,
        "hash" => Hash,
        "shortHash" => ShortHash,
        _ => Parsed.Field(name),
    };
}
