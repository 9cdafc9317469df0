using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tooling;

/// <summary>Result builders shared by the built-in gates, so "could not run" always reads the same way.</summary>
internal static class GateResults
{
    public static GateResult CouldNotRun(string gate, string kind, string reason, string remedy, TimeSpan duration,
        IReadOnlyList<GateFinding>? findings = null) =>
        new(gate, kind, GateStatus.Fail, $"could not run: {reason}", [], findings ?? [], remedy, duration);

    public static GateResult FromError(string gate, string kind, ReleaseException error, TimeSpan duration) =>
        new(gate, kind, GateStatus.Fail, $"{error.Code}: {error.Message}", [], [], $"See docs/diagnostics/{error.Code}.md.", duration);

    /// <summary>A finding's file relative to the repository root (as the report shows paths), when it lies inside it.</summary>
    public static GateFinding Relative(GateFinding finding, string repositoryRoot)
    {
        if (finding.File is null || !Path.IsPathFullyQualified(finding.File)) return finding;
        var relative = Path.GetRelativePath(repositoryRoot, finding.File);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative)
            ? finding
            : finding with { File = relative.Replace('\\', '/') };
    }
}
