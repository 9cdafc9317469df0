using System.Text;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// The conventionalcommits preset's URL formats (<c>commitUrlFormat</c>, <c>compareUrlFormat</c>,
/// <c>issueUrlFormat</c>, <c>userUrlFormat</c>). The preset uses them twice: expanded into the Handlebars partials
/// (<c>{{host}}</c> → the root host, <c>{{owner}}</c>/<c>{{repository}}</c> → the current object's, else the
/// root's), and expanded as plain text in the writer transform for links inside subjects.
/// </summary>
internal static class UrlFormat
{
    public const string DefaultCommit = "{{host}}/{{owner}}/{{repository}}/commit/{{hash}}";
    public const string DefaultCompare = "{{host}}/{{owner}}/{{repository}}/compare/{{previousTag}}...{{currentTag}}";
    public const string DefaultIssue = "{{host}}/{{owner}}/{{repository}}/issues/{{id}}";
    public const string DefaultUser = "{{host}}/{{user}}";

    /// <summary>
    /// Renders a format inside a template: <paramref name="lookup"/> resolves <c>name</c> / <c>this.name</c> on the
    /// current object, <paramref name="root"/> resolves <c>@root.name</c>; <paramref name="issueTokens"/> adds the
    /// issue format's <c>{{id}}</c> and <c>{{prefix}}</c>.
    /// </summary>
    public static string Render(string format, TemplateRoot root, Func<string, string?> lookup, bool issueTokens = false)
    {
        var output = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf("{{", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : format.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                output.Append(format, i, format.Length - i);
                break;
            }

            output.Append(format, i, open - i);
            var token = format[(open + 2)..close];
            i = close + 2;
            switch (token)
            {
                // expandTemplate inserts these as {{~…}}: whitespace before them is stripped
                case "host":
                    TrimEnd(output);
                    output.Append(root.Host);
                    break;
                case "owner":
                    TrimEnd(output);
                    output.Append(Present(lookup("owner")) ?? root.Owner);
                    break;
                case "repository":
                    TrimEnd(output);
                    output.Append(Present(lookup("repository")) ?? root.Repository);
                    break;
                case "id" when issueTokens:
                    output.Append(lookup("issue"));
                    break;
                case "prefix" when issueTokens:
                    output.Append(lookup("prefix"));
                    break;
                default:
                    output.Append(Resolve(token, root, lookup));
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>The transform's <c>expandTemplate</c>: plain replacement of the given placeholders; JavaScript prints a missing value as <c>undefined</c>.</summary>
    public static string Expand(string format, IReadOnlyList<(string Key, string? Value)> values)
    {
        foreach (var (key, value) in values)
        {
            format = format.Replace("{{" + key + "}}", value ?? "undefined", StringComparison.Ordinal);
        }

        return format;
    }

    /// <summary>A Handlebars mustache: <c>{{name}}</c>, <c>{{this.name}}</c>, <c>{{@root.name}}</c>, optionally with <c>~</c>.</summary>
    private static string? Resolve(string token, TemplateRoot root, Func<string, string?> lookup)
    {
        var path = token.Trim().Trim('~').Trim();
        if (path.StartsWith("@root.", StringComparison.Ordinal)) return root.Field(path["@root.".Length..]);
        if (path.StartsWith("this.", StringComparison.Ordinal)) path = path["this.".Length..];
        return path.Length == 0 || path.Contains('.') || path.Contains(' ') ? null : lookup(path);
    }

    private static string? Present(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void TrimEnd(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && char.IsWhiteSpace(output[end - 1])) end--;
        output.Length = end;
    }
}
