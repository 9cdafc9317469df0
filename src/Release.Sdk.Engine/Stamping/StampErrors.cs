using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Stamping;

/// <summary>The coded failures of stamping; each message names the file and the item metadata to change.</summary>
internal static class StampErrors
{
    public static ReleaseException NoMatch(string path, string what) => new(
        DiagnosticCatalog.VersionFileNoMatch,
        $"{path}: {what} matched nothing, so the version could not be stamped there. Fix the file or the ReleaseVersionFile item's Pattern/Kind metadata so that it matches, or remove the item.");

    public static ReleaseException Invalid(string path, string format, bool afterStamping, string detail, Exception? inner = null) => new(
        DiagnosticCatalog.VersionFileInvalid,
        afterStamping
            ? $"{path}: stamping the version produced invalid {format} ({detail}); the file was not written. Set the ReleaseVersionFile item's Kind to Regex with a Pattern/Replacement that fits this file."
            : $"{path}: not valid {format} ({detail}). Fix the file, or set the ReleaseVersionFile item's Kind to Regex with a Pattern/Replacement.",
        inner);

    public static ReleaseException Missing(string path) => new(
        DiagnosticCatalog.VersionFileMissing,
        $"{path}: the file to stamp the version into does not exist. Fix the path of the ReleaseVersionFile item, or remove the item.");

    public static ReleaseException BadSpec(string path, string detail, Exception? inner = null) => new(
        DiagnosticCatalog.VersionFileSpecInvalid,
        $"{path}: {detail}",
        inner);
}
