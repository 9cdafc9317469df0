namespace Release.Sdk.Gates.Baselines;

/// <summary>
/// {PreviousVersion}, {PreviousTag} and {Version} in a baseline path or URL, so one setting names the previous release's
/// asset every time (e.g. https://host/releases/download/{PreviousTag}/benchmarks.json). Unknown values stay as written.
/// </summary>
internal static class Placeholders
{
    public static string Expand(string text, string? previousTag, string? previousVersion, string? version)
    {
        if (!text.Contains('{', StringComparison.Ordinal)) return text;
        return text
            .Replace("{PreviousVersion}", previousVersion ?? "{PreviousVersion}", StringComparison.OrdinalIgnoreCase)
            .Replace("{PreviousTag}", previousTag ?? "{PreviousTag}", StringComparison.OrdinalIgnoreCase)
            .Replace("{Version}", version ?? "{Version}", StringComparison.OrdinalIgnoreCase);
    }
}
