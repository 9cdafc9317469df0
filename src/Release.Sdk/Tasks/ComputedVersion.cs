using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Tasks;

/// <summary>
/// The part of a <see cref="VersionDecision"/> a build needs, as plain strings so it can be cached for the whole
/// build and in obj/ (which is how the inner builds of a multi-targeting project reuse the outer build's result).
/// </summary>
internal sealed record ComputedVersion(
    string BuildVersion,
    string? NextVersion,
    string? PreviousTag,
    string? Bump,
    string? Channel,
    string? Branch,
    string? HeadSha,
    string Summary,
    IReadOnlyList<string> GitHubOutputLines,
    IReadOnlyList<CachedDiagnostic> Diagnostics)
{
    public static ComputedVersion From(VersionDecision decision) => new(
        decision.BuildVersion,
        decision.NextVersion,
        decision.PreviousTag,
        decision.Bump == ReleaseType.None ? null : decision.Bump.ToString().ToLowerInvariant(),
        decision.Channel,
        decision.Branch,
        decision.HeadSha,
        VersionSummary.Format(decision),
        GitHubOutput.Lines(decision),
        decision.Diagnostics.Select(d => new CachedDiagnostic(d.Code, d.Message)).ToArray());

    /// <summary>The version a build stamps: on a release run (<paramref name="create"/>) the release version when one is due.</summary>
    public string Stamped(bool create) => create && NextVersion is not null ? NextVersion : BuildVersion;
}
