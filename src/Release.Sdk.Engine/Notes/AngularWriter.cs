using System.Text;
using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// conventional-changelog-angular 8.3.1 src/writer.js and src/templates.js, rendered by hand with the whitespace
/// Handlebars produces: <c>#</c> header (<c>##</c> for a version with a patch number), two empty lines before each
/// section, sections by title, <c>BREAKING CHANGES</c> last. Link paths come from the host settings, except the
/// subject's issue links, which the preset hard-codes as <c>/issues/</c>.
/// </summary>
internal sealed class AngularWriter(NotesOptions options, TemplateRoot root) : IPresetWriter
{
    private static readonly string[] DefaultSort = ["scope", "subject"];

    public NotesCommit? Transform(ConventionalCommit commit)
    {
        var discard = commit.Notes.Count == 0;
        string? section = commit.Type;
        if (commit.Type == "feat") section = "Features";
        else if (commit.Type == "fix") section = "Bug Fixes";
        else if (commit.Type == "perf") section = "Performance Improvements";
        else if (commit.Type == "revert" || commit.Revert is not null) section = "Reverts";
        else if (discard) return null;
        else if (commit.Type == "docs") section = "Documentation";
        else if (commit.Type == "style") section = "Styles";
        else if (commit.Type == "refactor") section = "Code Refactoring";
        else if (commit.Type == "test") section = "Tests";
        else if (commit.Type == "build") section = "Build System";
        else if (commit.Type == "ci") section = "Continuous Integration";

        var scope = commit.Scope == "*" ? "" : commit.Scope;
        var linked = new List<string>();
        var subject = commit.Field("subject");
        if (subject is not null)
        {
            // `${context.host}/${context.owner}/${context.repository}`: JavaScript prints a missing part as "undefined"
            var url = !string.IsNullOrEmpty(root.Repository) ? $"{root.Host ?? "undefined"}/{root.Owner ?? "undefined"}/{root.Repository}" : null;
            if (url is not null) subject = SubjectLinks.LinkAngularIssues(subject, url + "/issues/", linked);
            if (!string.IsNullOrEmpty(root.Host)) subject = SubjectLinks.LinkUsers(subject, user => $"{root.Host}/{user}");
        }

        var references = commit.References.Where(r => !linked.Contains(r.Issue)).ToArray();
        return new NotesCommit(commit, section, scope, subject, references);
    }

    public string Render(IReadOnlyList<NotesCommit> commits)
    {
        var text = new StringBuilder();
        var isPatch = root.IsPatch;
        text.Append(isPatch ? "##" : "#").Append(' ');
        if (root.LinkCompare)
        {
            text.Append('[').Append(root.Version).Append("](").Append(RepositoryBase())
                .Append("/compare/").Append(root.PreviousTag).Append("...").Append(root.CurrentTag).Append(')');
        }
        else
        {
            text.Append(root.Version);
        }

        if (root.Date.Length > 0) text.Append(" (").Append(root.Date).Append(")\n");
        text.Append('\n');

        foreach (var (title, groupCommits) in CommitGrouping.Group(commits, options.CommitsSort ?? DefaultSort, JsCollation.Compare))
        {
            text.Append('\n');
            if (title.Length > 0) text.Append("### ").Append(title).Append("\n\n");
            foreach (var commit in groupCommits) AppendCommit(text, commit);
            text.Append('\n');
        }

        var notes = commits.SelectMany(c => c.Parsed.Notes.Select(n => (Commit: c, n.Text))).ToList();
        if (notes.Count > 0)
        {
            text.Append("\n### BREAKING CHANGES\n\n");
            foreach (var (commit, note) in notes)
            {
                text.Append("* ");
                if (!string.IsNullOrEmpty(commit.Scope)) text.Append("**").Append(commit.Scope).Append(":** ");
                text.Append(note).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private void AppendCommit(StringBuilder text, NotesCommit commit)
    {
        text.Append('*');
        if (!string.IsNullOrEmpty(commit.Scope)) text.Append(" **").Append(commit.Scope).Append(":**");
        text.Append(' ').Append(string.IsNullOrEmpty(commit.Subject) ? commit.Header : commit.Subject);
        text.Append(' ');
        if (root.LinkReferences)
        {
            text.Append("([").Append(commit.ShortHash).Append("](").Append(RepositoryBase())
                .Append('/').Append(root.Commit).Append('/').Append(commit.Hash).Append("))");
        }
        else
        {
            text.Append(commit.ShortHash);
        }

        if (commit.References.Count > 0)
        {
            text.Append(", closes");
            foreach (var reference in commit.References)
            {
                text.Append(' ');
                var label = $"{(string.IsNullOrEmpty(reference.Owner) ? "" : reference.Owner + "/")}{reference.Repository}#{reference.Issue}";
                if (root.LinkReferences)
                {
                    text.Append('[').Append(label).Append("](").Append(ReferenceBase(reference))
                        .Append('/').Append(root.Issue).Append('/').Append(reference.Issue).Append(')');
                }
                else
                {
                    text.Append(label);
                }
            }
        }

        text.Append('\n');
    }

    /// <summary>host/owner/repository, each part only when present (the template's <c>#if</c>s); repoUrl is never set by semantic-release.</summary>
    private string RepositoryBase()
    {
        if (string.IsNullOrEmpty(root.Repository)) return "";
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(root.Host)) text.Append(root.Host).Append('/');
        if (!string.IsNullOrEmpty(root.Owner)) text.Append(root.Owner).Append('/');
        return text.Append(root.Repository).ToString();
    }

    private string ReferenceBase(CommitReference reference)
    {
        if (string.IsNullOrEmpty(root.Repository)) return "";
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(root.Host)) text.Append(root.Host).Append('/');
        if (!string.IsNullOrEmpty(reference.Repository))
        {
            if (!string.IsNullOrEmpty(reference.Owner)) text.Append(reference.Owner).Append('/');
            text.Append(reference.Repository);
        }
        else
        {
            if (!string.IsNullOrEmpty(root.Owner)) text.Append(root.Owner).Append('/');
            text.Append(root.Repository);
        }

        return text.ToString();
    }
}
