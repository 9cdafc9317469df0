using System.Runtime.CompilerServices;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// Parses commit messages exactly as semantic-release's commit-analyzer does: the message trimmed like
/// semantic-release's <c>getCommits</c>, then conventional-commits-parser 6.4.0 with the preset's options.
/// Never throws; a message that is not conventional parses to a commit with a null <see cref="ConventionalCommit.Type"/>.
/// </summary>
internal static class CommitParser
{
    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();

    private static readonly ConditionalWeakTable<ParserOptions, Prepared> PreparedByOptions = new();

    public static ConventionalCommit Parse(CommitInfo commit, ParserOptions options) =>
        PreparedByOptions.GetValue(options, o => new Prepared(o)).Parse(commit);

    /// <summary>Options with their keyword matchers built once, for parsing many commits.</summary>
    internal sealed class Prepared(ParserOptions options)
    {
        private readonly NoteMatcher _notes = new(options.NoteKeywords);
        private readonly ReferenceScanner _references = new(options);

        public ConventionalCommit Parse(CommitInfo commit)
        {
            var message = JsText.Trim(commit.Message ?? "");
            var parsed = new ParseSession(options, _notes, _references, message).Run();
            return new ConventionalCommit(
                commit,
                parsed.Header ?? "",
                parsed.Type,
                parsed.Scope,
                parsed.Subject,
                parsed.Merge,
                parsed.Body.ToString(),
                parsed.Footer.ToString(),
                parsed.Notes.Count == 0 ? [] : parsed.Notes.Select(n => new CommitNote(n.Title, n.Text.ToString() ?? "")).ToArray(),
                parsed.References.Count == 0 ? [] : parsed.References.ToArray(),
                parsed.Mentions.Count == 0 ? [] : parsed.Mentions.ToArray(),
                parsed.Revert)
            {
                HeaderMatched = parsed.HeaderMatched,
                Message = message,
                Fields = (IReadOnlyDictionary<string, string>?)parsed.Fields ?? EmptyFields,
            };
        }
    }
}
