namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// One <c>ReleaseVersionFile</c> item: a file, and optionally how to stamp it. Without <paramref name="Kind"/> the kind
/// comes from <paramref name="Pattern"/> (Regex) or the file name (Chart.yaml, package.json, *.csproj/*.props/…, VERSION).
/// </summary>
/// <param name="Path">The file, as the user wrote it (used in messages and diffs).</param>
/// <param name="Kind">Explicit kind; null to infer it.</param>
/// <param name="Pattern">.NET regular expression (Regex kind), e.g. <c>__version__ = "[^"]+"</c>.</param>
/// <param name="Replacement">
/// Replacement for each match, <c>${version}</c> being the new version and <c>$1</c>/<c>${name}</c> groups (a literal
/// dollar is <c>$$</c>). Null: only the pattern's group named <c>version</c> is replaced.
/// </param>
internal sealed record VersionFileSpec(string Path, VersionFileKind? Kind = null, string? Pattern = null, string? Replacement = null)
{
    private static readonly string[] MSBuildExtensions = [".csproj", ".fsproj", ".vbproj", ".props", ".targets"];

    public string FileName => Path[(Path.LastIndexOfAny(['/', '\\']) + 1)..];

    /// <summary>The kind to stamp with; null when neither the metadata nor the file name tells.</summary>
    public VersionFileKind? ResolveKind()
    {
        if (Kind is not null) return Kind;
        if (Pattern is not null) return VersionFileKind.Regex;
        var name = FileName;
        if (name.Equals("Chart.yaml", StringComparison.OrdinalIgnoreCase)) return VersionFileKind.HelmChart;
        if (name.Equals("package.json", StringComparison.OrdinalIgnoreCase)) return VersionFileKind.PackageJson;
        if (name.Equals("VERSION", StringComparison.OrdinalIgnoreCase)) return VersionFileKind.PlainText;
        if (MSBuildExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return VersionFileKind.MSBuild;
        return null;
    }
}
