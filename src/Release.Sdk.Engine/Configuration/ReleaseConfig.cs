using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;

namespace Release.Sdk.Engine.Configuration;

/// <summary>
/// The effective configuration: a semantic-release config file (when present) composed with MSBuild properties/items
/// or CLI options. <see cref="Document"/> keeps the whole file so later features (notes, changelog, exec, github, git
/// plugins) read their own sections from it.
/// </summary>
internal sealed record ReleaseConfig
{
    public IReadOnlyList<BranchSpec> Branches { get; init; } = BranchSpec.Defaults;

    /// <summary>semantic-release tagFormat; must contain <c>${version}</c> exactly once.</summary>
    public string TagFormat { get; init; } = "v${version}";

    public AnalyzerOptions Analyzer { get; init; } = new();

    /// <summary>Prerelease label of non-release builds: <c>1.4.0-alpha.0.7+3f2a9c1</c>.</summary>
    public string BuildLabel { get; init; } = "alpha";

    /// <summary>The parsed config file, or null when there is none.</summary>
    public JsonObject? Document { get; init; }

    /// <summary>Path of the config file that was read, for messages.</summary>
    public string? SourceFile { get; init; }
}
