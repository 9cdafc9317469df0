using System.Globalization;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Baselines;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Analysis;

/// <summary>The analysis gates' reads on top of <see cref="GateSettings"/>: numbers with a range and a default, paths with placeholders.</summary>
internal static class AnalysisSettings
{
    public static double Number(this GateContext context, string gate, string name, double fallback, double min, double max)
    {
        var value = GateSettings.Number(context, gate, name) ?? fallback;
        return value >= min && value <= max
            ? value
            : throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid, string.Create(CultureInfo.InvariantCulture,
                $"Gate '{gate}': {name}={value} is out of range: give a number from {min} to {max}."));
    }

    /// <summary>A path setting with {PreviousTag}/{PreviousVersion}/{Version} filled in, relative to the base directory (the project folder for ReleaseGate items).</summary>
    public static string? ExpandedPath(this GateContext context, string name)
    {
        var text = context.Setting(name);
        return text is null ? null : Path.GetFullPath(Placeholders.Expand(text, context.Release?.PreviousTag, context.Release?.PreviousVersion, context.Release?.Version), context.BaseDirectory());
    }

    /// <summary>The directory of the project the gates run for (ProjectPath may be a project file, a solution or a directory).</summary>
    public static string ProjectDirectory(this GateContext context) =>
        Directory.Exists(context.ProjectPath) ? context.ProjectPath : Path.GetDirectoryName(Path.GetFullPath(context.ProjectPath, context.RepositoryRoot))!;
}
