using System.Globalization;
using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Framework;

/// <summary>Typed reads of a gate's metadata; a value that does not parse is a coded error naming the gate and the metadata.</summary>
internal static class GateSettings
{
    public static double? Number(this GateContext context, string gate, string name)
    {
        var text = context.Setting(name);
        if (text is null) return null;
        return double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
                $"Gate '{gate}': {name}='{text}' is not a number. Write it with a '.' decimal point, e.g. {name}=\"85\" or \"12.5\".");
    }

    public static bool? Flag(this GateContext context, string gate, string name)
    {
        var text = context.Setting(name);
        if (text is null) return null;
        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
                $"Gate '{gate}': {name}='{text}' is not true or false.");
    }

    public static Regex? Pattern(this GateContext context, string gate, string name)
    {
        var text = context.Setting(name);
        if (text is null) return null;
        try
        {
            return new Regex(text, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException e)
        {
            throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
                $"Gate '{gate}': {name} is not a valid .NET regular expression ({e.Message}).");
        }
    }

    /// <summary>
    /// Where relative paths in the gate's settings start: the project folder for ReleaseGate items (MSBuild's
    /// convention; the targets pass it as BaseDirectory), the repository root for .releaserc.json gates.
    /// </summary>
    public static string BaseDirectory(this GateContext context) =>
        context.Setting(GateMetadata.BaseDirectory) is { } directory ? System.IO.Path.GetFullPath(directory, context.RepositoryRoot) : context.RepositoryRoot;

    /// <summary>A path setting resolved against <see cref="BaseDirectory"/>.</summary>
    public static string? Path(this GateContext context, string name)
    {
        var text = context.Setting(name);
        return text is null ? null : System.IO.Path.GetFullPath(text, context.BaseDirectory());
    }
}
