using Release.Sdk.Engine.Analysis;
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
    CommitRevert? Revert) : IRuleSubject
{
    public bool IsConventional => Type is not null;

    public bool IsBreaking => Notes.Count > 0;

    public bool IsRevert => Revert is not null;

    /// <summary>True when the header matched the preset's header pattern (type/scope/subject were assigned, possibly to null).</summary>
    public bool HeaderMatched { get; init; }

    /// <summary>The message the parser saw: the commit message trimmed the way semantic-release trims it.</summary>
    public string Message { get; init; } = "";

    /// <summary>Values of <c>-name-</c> meta-field lines (the parser's fieldPattern) for names that are not parser fields.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = EmptyFields;

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();

    /// <summary>
    /// The value of a field of the commit object commit-analyzer matches release rules against, by name; null when
    /// absent or not a string. That object is git's commit (hash, message, subject, …) overlaid with the parser's
    /// result, so a non-conventional commit's <c>subject</c> is git's subject line.
    /// </summary>
    public string? Field(string name) => name switch
    {
        "type" => Type,
        "scope" => Scope,
        "subject" => HeaderMatched ? Subject : Fields.GetValueOrDefault("subject") ?? GitSubject(Source.Message),
        "merge" => Merge,
        "header" => Header.Length == 0 ? null : Header,
        "body" => Body,
        "footer" => Footer,
        "hash" => Fields.GetValueOrDefault("hash") ?? Source.Sha,
        "message" => Fields.GetValueOrDefault("message") ?? Message,
        _ => Fields.GetValueOrDefault(name),
    };

    /// <summary>git's <c>%s</c>: the first paragraph's lines, right-trimmed and joined with spaces.</summary>
    internal static string GitSubject(string message)
    {
        var parts = new List<string>();
        foreach (var line in message.Split('\n'))
        {
            var trimmed = line.TrimEnd(' ', '\t', '\r', '\v', '\f');
            if (trimmed.Length == 0) break;
            parts.Add(trimmed);
        }

        return string.Join(' ', parts);
    }
}
