using System.Text;
using System.Text.RegularExpressions;
using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// conventional-changelog-conventionalcommits 9.3.1 src/writer.js and src/templates.js, rendered by hand with the
/// whitespace Handlebars produces: <c>## [version](compare) (date)</c>, then <c>### ⚠ BREAKING CHANGES</c>, then the
/// sections in the order of <c>types</c>, each separated by one empty line.
/// </summary>
internal sealed partial class ConventionalCommitsWriter : IPresetWriter
{
    private static readonly string[] DefaultSort = ["scope", "subject"];

    private readonly NotesOptions _options;
    private readonly TemplateRoot _root;
    private readonly IReadOnlyList<NotesType> _types;
    private readonly List<string> _sectionOrder;
    private readonly Regex _issuePattern;

    public ConventionalCommitsWriter(NotesOptions options, TemplateRoot root)
    {
        _options = options;
        _root = root;
        _types = options.Types ?? NotesType.Defaults;
        _sectionOrder = _types.Select(t => t.Section).OfType<string>().Where(s => s.Length > 0).ToList();
        _issuePattern = SubjectLinks.IssuePattern(options.IssuePrefixes ?? ["#"]);
    }

    private string IssueUrlFormat => _options.IssueUrlFormat ?? UrlFormat.DefaultIssue;

    public NotesCommit? Transform(ConventionalCommit commit)
    {
        var entry = FindType(commit);
        var discard = !(IsReleaseAs(commit.Footer) || IsReleaseAs(commit.Body)) && commit.Notes.Count == 0;
        if ((discard && (entry is null || entry.Hidden)) || !MatchesScope(commit)) return null;

        var section = entry is not null ? entry.Section : commit.Type;
        var scope = commit.Scope == "*" || _options.Scope is not null ? "" : commit.Scope;
        var linked = new List<string>();
        var subject = commit.Field("subject");
        // semantic-release cannot run without a repository URL; without one, links would read "undefined/undefined/…"
        var hasUrl = _root.Host is not null || _root.Owner is not null || _root.Repository is not null;
        if (subject is not null && hasUrl)
        {
            subject = SubjectLinks.LinkIssues(subject, _issuePattern, (issue, prefix) => UrlFormat.Expand(IssueUrlFormat,
                [("host", _root.Host), ("owner", _root.Owner), ("repository", _root.Repository), ("id", issue), ("prefix", prefix)]), linked);
            subject = SubjectLinks.LinkUsers(subject, user => UrlFormat.Expand(_options.UserUrlFormat ?? UrlFormat.DefaultUser,
                [("host", _root.Host), ("owner", _root.Owner), ("repository", _root.Repository), ("user", user)]));
        }

        var references = commit.References.Where(r => !linked.Contains(r.Prefix + r.Issue)).ToArray();
        return new NotesCommit(commit, section, scope, subject, references);
    }

    public string Render(IReadOnlyList<NotesCommit> commits)
    {
        var text = new StringBuilder();
        text.Append("## ");
        if (_root.LinkCompare)
        {
            text.Append('[').Append(_root.Version).Append("](")
                .Append(UrlFormat.Render(_options.CompareUrlFormat ?? UrlFormat.DefaultCompare, _root, _root.Field)).Append(')');
        }
        else
        {
            text.Append(_root.Version);
        }

        if (_root.Date.Length > 0) text.Append(" (").Append(_root.Date).Append(")\n");

        var notes = commits.SelectMany(c => c.Parsed.Notes.Select(n => (Commit: c, n.Text))).ToList();
        if (notes.Count > 0)
        {
            text.Append("\n### ⚠ BREAKING CHANGES\n\n");
            foreach (var (commit, note) in notes)
            {
                text.Append("* ");
                if (!string.IsNullOrEmpty(commit.Scope)) text.Append("**").Append(commit.Scope).Append(":** ");
                text.Append(note).Append('\n');
            }
        }

        foreach (var (title, groupCommits) in CommitGrouping.Group(commits, _options.CommitsSort ?? DefaultSort, CompareSections))
        {
            text.Append('\n');
            if (title.Length > 0) text.Append("### ").Append(title).Append("\n\n");
            foreach (var commit in groupCommits) AppendCommit(text, commit);
        }

        return text.ToString();
    }

    private void AppendCommit(StringBuilder text, NotesCommit commit)
    {
        text.Append('*');
        if (!string.IsNullOrEmpty(commit.Scope)) text.Append(" **").Append(commit.Scope).Append(":**");
        text.Append(' ').Append(string.IsNullOrEmpty(commit.Subject) ? commit.Header : commit.Subject);
        if (commit.Hash.Length > 0)
        {
            text.Append(' ');
            if (_root.LinkReferences)
            {
                text.Append("([").Append(commit.ShortHash).Append("](")
                    .Append(UrlFormat.Render(_options.CommitUrlFormat ?? UrlFormat.DefaultCommit, _root, commit.Field)).Append("))");
            }
            else
            {
                text.Append(commit.ShortHash);
            }
        }

        if (commit.References.Count > 0)
        {
            text.Append(", closes");
            foreach (var reference in commit.References)
            {
                text.Append(' ');
                var label = $"{(string.IsNullOrEmpty(reference.Owner) ? "" : reference.Owner + "/")}{reference.Repository}{reference.Prefix}{reference.Issue}";
                if (_root.LinkReferences)
                {
                    text.Append('[').Append(label).Append("](")
                        .Append(UrlFormat.Render(IssueUrlFormat, _root, name => ReferenceField(reference, name), issueTokens: true)).Append(')');
                }
                else
                {
                    text.Append(label);
                }
            }
        }

        text.Append('\n');
    }

    private int CompareSections(string a, string b) => _sectionOrder.IndexOf(a) - _sectionOrder.IndexOf(b);

    /// <summary><c>findTypeEntry</c>: a revert counts as type <c>revert</c>; an entry with a scope matches only that scope.</summary>
    private NotesType? FindType(ConventionalCommit commit)
    {
        var key = (commit.Revert is not null ? "revert" : commit.Type ?? "").ToLowerInvariant();
        return _types.FirstOrDefault(t => t.Type == key && (string.IsNullOrEmpty(t.Scope) || t.Scope == commit.Scope));
    }

    /// <summary><c>matchScope</c> with presetConfig.scope / scopeOnly.</summary>
    private bool MatchesScope(ConventionalCommit commit)
    {
        if (_options.Scope is not { } targets) return true;
        var includes = commit.Scope is not null && commit.Scope.Split(',').Any(targets.Contains);
        return (_options.ScopeOnly && includes) || (!_options.ScopeOnly && (string.IsNullOrEmpty(commit.Scope) || includes));
    }

    private static bool IsReleaseAs(string? text) => !string.IsNullOrEmpty(text) && ReleaseAs().IsMatch(text);

    private static string? ReferenceField(CommitReference reference, string name) => name switch
    {
        "action" => reference.Action,
        "owner" => reference.Owner,
        "repository" => reference.Repository,
        "issue" => reference.Issue,
        "raw" => reference.Raw,
        "prefix" => reference.Prefix,
        _ => null,
    };

    /// <summary><c>/release-as:\s*\w*@?([0-9]+\.[0-9]+\.[0-9a-z]+(-[0-9a-z.]+)?)\s*/i</c>, with JavaScript's ASCII classes.</summary>
    [GeneratedRegex(@"[Rr][Ee][Ll][Ee][Aa][Ss][Ee]-[Aa][Ss]:\s*[A-Za-z0-9_]*@?([0-9]+\.[0-9]+\.[0-9a-zA-Z]+(-[0-9a-zA-Z.]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseAs();
}
