namespace Release.Sdk.Gates.Framework;

/// <summary>The release a gate checks, when it runs inside a release run (null standalone: next version unknown).</summary>
/// <param name="ReleaseType">"major", "minor" or "patch": what the commits justify (the API compatibility gate compares it with the API change).</param>
internal sealed record GateRelease(string Version, string? PreviousVersion, string? PreviousTag, string ReleaseType);

/// <summary>Everything a gate gets: where to work, its settings (the ReleaseGate item's metadata), the environment and a place for its files.</summary>
/// <param name="RepositoryRoot">The git repository's root.</param>
/// <param name="ProjectPath">The project (or solution) the gates run for: the one being released.</param>
/// <param name="Settings">The ReleaseGate item's metadata (case-insensitive keys), e.g. Threshold=85, Command=…</param>
/// <param name="OutputDirectory">obj/release-gates/&lt;gate&gt;/: the gate's own files (coverage XML, SARIF, logs).</param>
internal sealed record GateContext(
    string RepositoryRoot,
    string ProjectPath,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string?> Environment,
    string OutputDirectory,
    GateRelease? Release,
    IGateProcessRunner Processes,
    Action<string> Log)
{
    public string? Setting(string name) => Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
