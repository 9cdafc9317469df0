using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// A commit parsed the way conventional-commits-parser (with a preset's parser options) parses it. Fields are null
/// when the message does not match; such a commit is simply not release-relevant. Field names follow the parser's
/// so release rules can address them (type, scope, subject, merge, header, body, footer, notes, references, revert).
/// </summary>
internal sealed record ConventionalCommit(
    CommitInfo Source,
    string Header,
    string? Type,
    string? Scope,
    string? Subject,
    string? Merge,
    string? Body,
    string? Footer,
    IReadOnlyList<CommitNote> Notes,
    IReadOnlyList<CommitReference> References,
    IReadOnlyList<string> Mentions,
    CommitRevert? Revert)
{
    public bool IsConventional => Type is not null;

    public bool IsBreaking => Notes.Count > 0;

    /// <summary>The value of a parsed field by its parser name, for release-rule matching; null when absent.</summary>
    public string? Field(string name) => name switch
    {
        "type" => Type,
        "scope" => Scope,
        "subject" => Subject,
        "merge" => Merge,
        "header" => Header,
        "body" => Body,
        "footer" => Footer,
        "hash" => Source.Sha,
        _ => null,
    };
}
