using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// The seed's update-version script, made strict: every match of the pattern is replaced (like Python's re.sub), and
/// no match at all is an error instead of a silent no-op. Patterns are .NET regular expressions without options
/// (inline <c>(?m)</c> etc. work).
/// </summary>
internal static class RegexStamper
{
    private const string Placeholder = "${version}";
    private const string VersionGroup = "version";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static StampResult Stamp(VersionFileSpec spec, string content, string version)
    {
        var regex = Compile(spec);
        try
        {
            var matches = regex.Matches(content);
            if (matches.Count == 0) throw StampErrors.NoMatch(spec.Path, $"the pattern '{spec.Pattern}'");
            var edits = spec.Replacement is null
                ? matches.Select(m => m.Groups[VersionGroup]).Where(g => g.Success).Select(g => new TextEdit(g.Index, g.Length, version))
                : matches.Select(m => new TextEdit(m.Index, m.Length, m.Result(spec.Replacement.Replace(Placeholder, version, StringComparison.Ordinal))));
            var list = edits.ToList();
            if (list.Count == 0) throw StampErrors.NoMatch(spec.Path, $"the group 'version' of the pattern '{spec.Pattern}'");
            return TextEdits.Apply(content, list);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw StampErrors.BadSpec(spec.Path, $"the pattern '{spec.Pattern}' took too long to match; simplify the ReleaseVersionFile item's Pattern metadata.", e);
        }
    }

    private static Regex Compile(VersionFileSpec spec)
    {
        if (string.IsNullOrEmpty(spec.Pattern))
            throw StampErrors.BadSpec(spec.Path, "Kind Regex needs a Pattern. Set the ReleaseVersionFile item's Pattern metadata, e.g. Pattern='version = \"[^\"]+\"' Replacement='version = \"${version}\"'.");
        Regex regex;
        try
        {
            regex = new Regex(spec.Pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw StampErrors.BadSpec(spec.Path, $"the Pattern metadata '{spec.Pattern}' is not a valid regular expression: {e.Message}", e);
        }
        if (spec.Replacement is null && regex.GroupNumberFromName(VersionGroup) < 0)
            throw StampErrors.BadSpec(spec.Path, $"the Pattern '{spec.Pattern}' has no group named 'version' and there is no Replacement. Set the ReleaseVersionFile item's Replacement metadata (with ${{version}}), or name the part to replace (?<version>…).");
        return regex;
    }
}
