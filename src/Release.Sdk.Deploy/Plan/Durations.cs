using System.Globalization;
using System.Text.RegularExpressions;

namespace Release.Sdk.Deploy.Plan;

/// <summary>Durations as people write them in properties: "250ms", "30s", "5m", "1h30m", or TimeSpan's "00:05:00".</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        value = TimeSpan.Zero;
        if (text.Length == 0) return false;
        if (text.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        var match = UnitPattern().Match(text);
        if (!match.Success) return false;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitStart = part.Value.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
            var number = double.Parse(part.Value[..unitStart], CultureInfo.InvariantCulture);
            value += part.Value[unitStart..] switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" or "min" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                _ => TimeSpan.FromDays(number),
            };
        }
        return true;
    }

    public static string Format(TimeSpan value) =>
        value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours) ? $"{value.TotalHours:0}h"
        : value.TotalMinutes >= 1 && value.TotalMinutes == Math.Floor(value.TotalMinutes) ? $"{value.TotalMinutes:0}m"
        : value.TotalSeconds >= 1 && value.TotalSeconds == Math.Floor(value.TotalSeconds) ? $"{value.TotalSeconds:0}s"
        : $"{value.TotalMilliseconds:0}ms";

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|min|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();
}
