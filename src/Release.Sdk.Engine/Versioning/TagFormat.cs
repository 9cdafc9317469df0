using System.Text.RegularExpressions;
using NuGet.Versioning;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// semantic-release's <c>tagFormat</c>: a template with <c>${version}</c> exactly once, e.g. <c>v${version}</c> or
/// <c>release-${version}</c>. Parsing mirrors get-tags.js: the tag must start with the prefix, the version is the
/// greedy text up to the last occurrence of the suffix (no end anchor), with leading <c>v</c>/<c>=</c> stripped
/// (<c>semver.clean</c>) before strict SemVer 2 validation.
/// </summary>
internal sealed class TagFormat
{
    public const string Default = "v${version}";

    // get-tags.js's regex, built only for tag names a plain string search cannot judge (see TryParse).
    private readonly Lazy<Regex> _pattern;

    private TagFormat(string prefix, string suffix)
    {
        Prefix = prefix;
        Suffix = suffix;
        _pattern = new(() => new Regex("^" + Regex.Escape(prefix) + "(.+)" + Regex.Escape(suffix), RegexOptions.CultureInvariant));
    }

    public string Prefix { get; }

    public string Suffix { get; }

    public string Template => Prefix + "${version}" + Suffix;

    /// <summary>Validates like semantic-release's verify.js (ETAGNOVERSION, EINVALIDTAGFORMAT); throws RSDK1005.</summary>
    public static TagFormat Parse(string template, string origin = "tagFormat")
    {
        // ${version}, spaces allowed inside the braces (verify.js's /\$\{\s*version\s*\}/), found by a scan: the
        // generated regexes cost a new build process milliseconds of first-use setup, for one short template.
        var index = TemplateVariable.Find(template, "version", 0, out var length);
        if (index < 0 || TemplateVariable.Find(template, "version", index + length, out _) >= 0)
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidTagFormat,
                $"The {origin} '{template}' must contain the variable ${{version}} exactly once (e.g. 'v${{version}}'). " +
                "Set tagFormat in .releaserc.json, or ReleaseTagPrefix / ReleaseTagFormat in the project.");
        }
        var prefix = template[..index];
        var suffix = template[(index + length)..];
        if (TemplateVariable.HasTemplateSyntax(prefix) || TemplateVariable.HasTemplateSyntax(suffix))
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidTagFormat,
                $"The {origin} '{template}' uses a template variable other than ${{version}}; Release.Sdk supports only ${{version}}. " +
                "Set tagFormat in .releaserc.json, or ReleaseTagPrefix / ReleaseTagFormat in the project.");
        }
        var format = new TagFormat(prefix, suffix);
        var sample = format.Format("0.0.0");
        if (!GitRefName.IsValidTagName(sample))
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidTagFormat,
                $"The {origin} '{template}' does not make a valid git tag name ('{sample}' for version 0.0.0): no spaces, '~', '^', ':', '?', '*', '[', '\\', '..', '@{{' or trailing '.'/'.lock'. " +
                "Set tagFormat in .releaserc.json, or ReleaseTagPrefix / ReleaseTagFormat in the project.");
        }
        return format;
    }

    /// <summary>ReleaseTagPrefix: <c>&lt;prefix&gt;${version}</c>.</summary>
    public static TagFormat FromPrefix(string prefix) => Parse(prefix + "${version}", "ReleaseTagPrefix");

    public string Format(string version) => Prefix + version + Suffix;

    public string Format(SemanticVersion version) => Format(SemVer.Format(version));

    /// <summary>The version a tag name carries under this format, or null when the tag is not a release tag.</summary>
    public SemanticVersion? TryParse(string tagName)
    {
        string version;
        if (tagName.Contains('\n') || Suffix.Contains('\n'))
        {
            // "." stops at a line break: the regex decides (git allows no such tag name, but tests may ask).
            var match = _pattern.Value.Match(tagName);
            if (!match.Success) return null;
            version = match.Groups[1].Value;
        }
        else
        {
            // What ^prefix(.+)suffix finds on one line, as string searches: building a Regex costs a build after a
            // commit several milliseconds, and the tags of a repository are parsed on every build.
            if (!tagName.StartsWith(Prefix, StringComparison.Ordinal)) return null;
            var end = Suffix.Length == 0 ? tagName.Length : tagName.LastIndexOf(Suffix, StringComparison.Ordinal);
            if (end < Prefix.Length + 1) return null;
            version = tagName[Prefix.Length..end];
        }
        return SemVer.TryParse(version.Trim().TrimStart('=', 'v'));
    }

    public override string ToString() => Template;
}
