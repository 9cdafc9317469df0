namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// Writes a release version into a file's text (pure: text in, text out; the caller reads and writes the file).
/// Only the version's own characters change; a stamp that would leave nothing stamped, or break the file's format, is
/// a coded error rather than a warning, because a silently unstamped file ships the wrong version.
/// </summary>
internal static class VersionStamper
{
    /// <param name="spec">Which file and how.</param>
    /// <param name="content">The file's content; null when the file does not exist (RSDK4003).</param>
    /// <param name="version">The version to write, e.g. <c>1.4.0</c> or <c>2.0.0-beta.1</c>.</param>
    public static StampResult Stamp(VersionFileSpec spec, string? content, string version)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (version.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+')))
            throw new ArgumentException($"'{version}' is not a version.", nameof(version));
        if (content is null) throw StampErrors.Missing(spec.Path);

        return spec.ResolveKind() switch
        {
            VersionFileKind.HelmChart => HelmChartStamper.Stamp(spec.Path, content, version),
            VersionFileKind.PackageJson => PackageJsonStamper.Stamp(spec.Path, content, version),
            VersionFileKind.MSBuild => MSBuildStamper.Stamp(spec.Path, content, version),
            VersionFileKind.PlainText => PlainTextStamper.Stamp(content, version),
            VersionFileKind.Regex => RegexStamper.Stamp(spec, content, version),
            _ => throw StampErrors.BadSpec(spec.Path,
                "cannot tell how to stamp this file. Set the ReleaseVersionFile item's Kind metadata (HelmChart, PackageJson, MSBuild, PlainText) or its Pattern and Replacement metadata."),
        };
    }
}
