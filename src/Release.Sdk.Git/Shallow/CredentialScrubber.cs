using System.Text.RegularExpressions;

namespace Release.Sdk.Git.Shallow;

/// <summary>Removes credentials from text that quotes remote URLs (git's error messages do), before it reaches a build log.</summary>
internal static partial class CredentialScrubber
{
    public static string Scrub(string text) => UserInfo().Replace(text, "${scheme}***@");

    // scheme://user:token@host → scheme://***@host
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)[^/\s@]+@")]
    private static partial Regex UserInfo();
}
