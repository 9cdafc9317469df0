using System.Globalization;

namespace Release.Sdk.Engine.Notes;

/// <summary>The date in the notes header: UTC "today" as conventional-changelog-writer takes it, or <c>SOURCE_DATE_EPOCH</c> for reproducible builds.</summary>
internal static class NotesDate
{
    /// <param name="utcNow">The caller's clock.</param>
    /// <param name="sourceDateEpoch">The <c>SOURCE_DATE_EPOCH</c> variable (seconds since 1970-01-01 UTC); ignored when empty or not an integer.</param>
    public static DateOnly From(DateTimeOffset utcNow, string? sourceDateEpoch)
    {
        if (!string.IsNullOrWhiteSpace(sourceDateEpoch)
            && long.TryParse(sourceDateEpoch.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        }

        return DateOnly.FromDateTime(utcNow.UtcDateTime);
    }

    /// <summary><c>new Date().toISOString().slice(0, 10)</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
