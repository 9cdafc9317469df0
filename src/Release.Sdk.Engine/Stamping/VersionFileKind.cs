namespace Release.Sdk.Engine.Stamping;

/// <summary>How a version file is stamped.</summary>
internal enum VersionFileKind
{
    /// <summary>Helm <c>Chart.yaml</c>: top-level <c>version</c> and <c>appVersion</c>, edited in place (YAML-aware).</summary>
    HelmChart,

    /// <summary><c>package.json</c>: the top-level <c>version</c> string.</summary>
    PackageJson,

    /// <summary>A csproj, props or targets file: the first <c>&lt;Version&gt;</c> of a top-level <c>&lt;PropertyGroup&gt;</c>.</summary>
    MSBuild,

    /// <summary>A <c>VERSION</c> file: the whole content is the version (its final line break kept).</summary>
    PlainText,

    /// <summary>Any text file: every match of <c>Pattern</c> replaced by <c>Replacement</c> (<c>${version}</c> = the version).</summary>
    Regex,
}
