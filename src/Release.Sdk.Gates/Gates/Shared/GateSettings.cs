using System.Globalization;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Gates.Shared;

/// <summary>Typed reads of a ReleaseGate item's metadata; a bad value is a coded error naming the gate and the metadata.</summary>
internal static class GateSettings
{
    public static double Number(this GateContext context, string gate, string name, double fallback, double min, double max)
    {
        var text = context.Setting(name);
        if (text is null) return fallback;
        return double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(gate, name, text, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    public static bool Flag(this GateContext context, string gate, string name, bool fallback)
    {
        var text = context.Setting(name);
        if (text is null) return fallback;
        return bool.TryParse(text, out var value) ? value : throw Invalid(gate, name, text, "true or false");
    }

    public static TimeSpan Timeout(this GateContext context, string gate, TimeSpan fallback) =>
        TimeSpan.FromSeconds(context.Number(gate, "TimeoutSeconds", fallback.TotalSeconds, 1, 24 * 3600));

    /// <summary>A path from the item's metadata: relative paths are relative to the project's directory (as MSBuild items are).</summary>
    public static string? PathSetting(this GateContext context, string name)
    {
        var text = context.Setting(name);
        return text is null ? null : Path.GetFullPath(Placeholders.Expand(text, context.Release), ProjectDirectory(context));
    }

    public static string ProjectDirectory(GateContext context) =>
        Directory.Exists(context.ProjectPath) ? context.ProjectPath : Path.GetDirectoryName(Path.GetFullPath(context.ProjectPath))!;

    private static ReleaseException Invalid(string gate, string name, string value, string expected) =>
        new(DiagnosticCatalog.AnalysisGateSettingInvalid,
            $"The '{gate}' gate's {name}='{value}' is not valid: expected {expected}. Fix the {name} metadata of its ReleaseGate item.");
}
