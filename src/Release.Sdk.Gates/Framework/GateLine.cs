using System.Globalization;

namespace Release.Sdk.Gates.Framework;

/// <summary>The one line per gate printed to the console and the MSBuild log: "gate coverage: pass — line 87.3% (≥ 85%), branch 71.0% (41.2 s)".</summary>
internal static class GateLine
{
    public static string For(GateResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"gate {result.Gate}: {Status(result.Status)} — {result.Summary} ({Seconds(result.Duration)})");

    public static string Status(GateStatus status) => status switch
    {
        GateStatus.Pass => "pass",
        GateStatus.Warn => "warn",
        _ => "fail",
    };

    public static string Seconds(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s");
}
