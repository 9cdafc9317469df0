using System.Globalization;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tooling;

/// <summary>Reads a built-in gate's settings (ReleaseGate item metadata); a bad value is RSDK5020 naming the gate, the key and what is accepted.</summary>
internal static class SettingValues
{
    public static double Percent(GateContext context, string gate, string key, double defaultValue)
    {
        var text = context.Setting(key);
        if (text is null) return defaultValue;
        if (double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
            return value;
        throw Invalid(gate, key, text, "a percentage from 0 to 100, e.g. 85");
    }

    public static double? OptionalPositive(GateContext context, string gate, string key)
    {
        var text = context.Setting(key);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        throw Invalid(gate, key, text, "a positive number");
    }

    /// <summary>
    /// A backstop per tool run: the gate runner already cuts every process at the gate's deadline (metadata Timeout,
    /// ReleaseGateTimeout); this only bounds a gate used without the runner.
    /// </summary>
    public static readonly TimeSpan ProcessLimit = TimeSpan.FromHours(1);

    public static FindingSeverity Severity(GateContext context, string gate, string key, FindingSeverity defaultValue)
    {
        var text = context.Setting(key);
        if (text is null) return defaultValue;
        return SeverityNames.TryParse(text) ?? throw Invalid(gate, key, text, "low, medium (or moderate), high or critical");
    }

    public static ReleaseException Invalid(string gate, string key, string value, string accepted) =>
        new(DiagnosticCatalog.GateSettingInvalid,
            $"The '{gate}' gate's setting {key}=\"{value}\" is not valid: use {accepted} (metadata {key} on the ReleaseGate item '{gate}').");
}
