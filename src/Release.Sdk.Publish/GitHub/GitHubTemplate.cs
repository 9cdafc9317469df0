using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// The lodash-template subset @semantic-release/github users write in releaseNameTemplate, releaseBodyTemplate,
/// successComment, failComment, failTitle and releasedLabels: <c>${path}</c> and <c>&lt;%= path %&gt;</c> of the values
/// below. JavaScript expressions (conditionals, loops) are refused with RSDK6006 instead of being half rendered.
/// </summary>
internal static partial class GitHubTemplate
{
    [GeneratedRegex(@"\$\{([^{}]*)\}|<%=([\s\S]*?)%>|<%([\s\S]*?)%>", RegexOptions.CultureInvariant)]
    private static partial Regex Interpolation();

    public static IReadOnlyList<string> Names { get; } =
    [
        "nextRelease.version", "nextRelease.gitTag", "nextRelease.name", "nextRelease.channel", "nextRelease.type", "nextRelease.notes",
        "lastRelease.version", "lastRelease.gitTag", "branch.name", "releaseUrl", "issue.number", "issue.title", "errors",
    ];

    public static Dictionary<string, string?> Values(ReleaseContext context, string? releaseUrl = null) => new(StringComparer.Ordinal)
    {
        ["nextRelease.version"] = context.Version,
        ["nextRelease.gitTag"] = context.Tag,
        ["nextRelease.name"] = context.Tag,
        ["nextRelease.channel"] = context.Channel,
        ["nextRelease.type"] = context.ReleaseType,
        ["nextRelease.notes"] = context.Notes,
        ["lastRelease.version"] = context.PreviousVersion,
        ["lastRelease.gitTag"] = context.PreviousTag,
        ["branch.name"] = context.Branch,
        ["branch"] = context.Branch,
        ["releaseUrl"] = releaseUrl,
    };

    public static string Render(string template, IReadOnlyDictionary<string, string?> values, string origin) =>
        Interpolation().Replace(template, match =>
        {
            var expression = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Success ? match.Groups[2].Value : match.Value;
            if (!match.Groups[3].Success && values.TryGetValue(expression.Trim(), out var value)) return value ?? "";
            throw new ReleaseException(DiagnosticCatalog.GitHubTemplateInvalid,
                $"The GitHub {origin} template uses '{match.Value}', which Release.Sdk cannot evaluate (it renders property paths, not JavaScript). " +
                $"Use one of: {string.Join(", ", Names.Select(n => "${" + n + "}"))}; or remove the option to get the default text.");
        });

    /// <summary>Checks a template before anything is written, with placeholder values.</summary>
    public static void Validate(string? template, string origin)
    {
        if (template is null) return;
        var probe = Names.ToDictionary(n => n, n => (string?)"x", StringComparer.Ordinal);
        probe["branch"] = "x";
        Render(template, probe, origin);
    }
}
