using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NuGet.Versioning;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Changelog;

/// <summary>
/// Finds the release headings of a changelog by parsing it as Markdown (CommonMark), so that a version quoted in a
/// code block, a list or a paragraph is never mistaken for a released section. Recognised heading forms (any level,
/// ATX or setext): <c>## [1.3.0](link) (date)</c>, <c># 1.0.0 (date)</c>, <c>## 1.3.0</c>, <c>## [1.3.0] - date</c>
/// (Keep a Changelog), <c>## v1.3.0</c>, <c>## &lt;small&gt;1.2.4 (date)&lt;/small&gt;</c> (older angular patch headers).
/// </summary>
internal static partial class ChangelogVersionHeadings
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    [GeneratedRegex(@"^(?:(?:version|release)\s+)?\[?\s*v?(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*\]?(?=$|[\s(:,])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionAtStart();

    public static IReadOnlyList<ChangelogHeading> Find(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = new List<ChangelogHeading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var version = VersionOf(heading);
            if (version is not null) headings.Add(new ChangelogHeading(version, heading.Level, FirstLine(markdown, heading)));
        }
        return headings;
    }

    /// <summary>True when a heading names <paramref name="version"/> (SemVer precedence: build metadata is ignored).</summary>
    public static bool Contains(string markdown, string version)
    {
        var wanted = SemVer.TryParse(LineEndings.JsTrim(version).TrimStart('v', 'V'));
        if (wanted is null) return false;
        return Find(markdown).Any(h => VersionComparer.Default.Equals(h.Version, wanted));
    }

    // Markdig reports a setext heading at its underline; the reader wants the line with the text.
    private static int FirstLine(string markdown, HeadingBlock heading) =>
        heading.IsSetext ? markdown.AsSpan(0, heading.Span.Start).Count('\n') + 1 : heading.Line + 1;

    private static SemanticVersion? VersionOf(HeadingBlock heading)
    {
        if (heading.Inline is null) return null;
        var text = new StringBuilder();
        AppendPlainText(heading.Inline, text);
        var match = VersionAtStart().Match(text.ToString().Trim());
        return match.Success ? SemVer.TryParse(match.Groups["version"].Value) : null;
    }

    private static void AppendPlainText(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case ContainerInline container:
                foreach (var child in container) AppendPlainText(child, text);
                break;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
        }
    }
}
