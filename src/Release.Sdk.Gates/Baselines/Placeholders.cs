using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Baselines;

/// <summary>
/// {PreviousVersion}, {PreviousTag} and {Version} in a baseline path or URL, so one setting names the previous release's
/// asset every time (e.g. https://host/releases/download/{PreviousTag}/benchmarks.json).
/// </summary>
internal static class Placeholders
{
    public static bool Has(string text) => text.Contains('{', StringComparison.Ordinal);

    public static string Expand(string text, GateRelease? release)
    {
        if (!Has(text)) return text;
        return text
            .Replace("{PreviousVersion}", release?.PreviousVersion ?? "{PreviousVersion}", StringComparison.OrdinalIgnoreCase)
            .Replace("{PreviousTag}", release?.PreviousTag ?? "{PreviousTag}", StringComparison.OrdinalIgnoreCase)
            .Replace("{Version}", release?.Version ?? "{Version}", StringComparison.OrdinalIgnoreCase);
    }
}
