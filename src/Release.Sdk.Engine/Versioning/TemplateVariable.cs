namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The lodash-template pieces semantic-release looks for in <c>tagFormat</c>, matched by hand: what the regexes
/// <c>\$\{\s*name\s*\}</c> and <c>\$\{|&lt;%</c> find, without building a regex in every new build process
/// (a test compares both on generated templates).
/// </summary>
internal static class TemplateVariable
{
    /// <summary>
    /// The index of the first <c>${name}</c> (white space allowed inside the braces) at or after
    /// <paramref name="start"/>, or −1; <paramref name="length"/> is the length of the occurrence.
    /// </summary>
    public static int Find(string text, string name, int start, out int length)
    {
        for (var i = text.IndexOf("${", start, StringComparison.Ordinal); i >= 0; i = text.IndexOf("${", i + 1, StringComparison.Ordinal))
        {
            var at = SkipWhiteSpace(text, i + 2);
            if (!text.AsSpan(at).StartsWith(name, StringComparison.Ordinal)) continue;
            at = SkipWhiteSpace(text, at + name.Length);
            if (at < text.Length && text[at] == '}')
            {
                length = at + 1 - i;
                return i;
            }
        }
        length = 0;
        return -1;
    }

    /// <summary>Any template syntax at all: an interpolation <c>${</c> or an ERB-style <c>&lt;%</c>.</summary>
    public static bool HasTemplateSyntax(string text) =>
        text.Contains("${", StringComparison.Ordinal) || text.Contains("<%", StringComparison.Ordinal);

    // Regex's \s is char.IsWhiteSpace: [\f\n\r\t\v\x85\p{Z}].
    private static int SkipWhiteSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }
}
