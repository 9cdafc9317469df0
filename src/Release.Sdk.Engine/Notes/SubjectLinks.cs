using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// The presets' writer transforms turn <c>#42</c> and <c>@user</c> in a subject into Markdown links. The patterns
/// are the presets' JavaScript ones; <see cref="RegexOptions.ECMAScript"/> keeps <c>\B</c> and classes ASCII as in V8.
/// </summary>
internal static partial class SubjectLinks
{
    /// <summary>conventionalcommits: <c>(prefixes)([a-z0-9]+)</c> → <c>[prefix+issue](issueUrlFormat)</c>.</summary>
    /// <summary>The prefixes are joined unescaped, as the preset does; an invalid pattern is a configuration error.</summary>
    public static Regex IssuePattern(IReadOnlyList<string> prefixes)
    {
        var pattern = $"({string.Join('|', prefixes)})([a-z0-9]+)";
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException e)
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidConfigFile,
                $"presetConfig.issuePrefixes {string.Join(", ", prefixes.Select(p => $"'{p}'"))} do not make a valid regular expression ({e.Message}). Escape regular-expression characters in the prefixes of the release-notes-generator options.", e);
        }
    }

    public static string LinkIssues(string subject, Regex pattern, Func<string, string, string> url, List<string> linked)
    {
        return pattern.Replace(subject, m =>
        {
            var prefix = m.Groups[1].Value;
            var issue = m.Groups[2].Value;
            linked.Add(prefix + issue);
            return $"[{prefix}{issue}]({url(issue, prefix)})";
        });
    }

    /// <summary>angular: <c>#([0-9]+)</c> → <c>[#issue](base/issues/issue)</c>.</summary>
    public static string LinkAngularIssues(string subject, string issuesUrl, List<string> linked) =>
        AngularIssue().Replace(subject, m =>
        {
            var issue = m.Groups[1].Value;
            linked.Add(issue);
            return $"[#{issue}]({issuesUrl}{issue})";
        });

    /// <summary>Both presets: <c>@user</c> outside code spans → <c>[@user](url)</c>; <c>@org/team</c> stays as text.</summary>
    public static string LinkUsers(string subject, Func<string, string> url) =>
        User().Replace(subject, m =>
        {
            if (!m.Groups[1].Success) return m.Value;
            var user = m.Groups[1].Value;
            return user.Contains('/') ? "@" + user : $"[@{user}]({url(user)})";
        });

    [GeneratedRegex("#([0-9]+)", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex AngularIssue();

    [GeneratedRegex(@"`[^`]*`|\B@([a-z0-9](?:-?[a-z0-9/]){0,38})", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex User();
}
