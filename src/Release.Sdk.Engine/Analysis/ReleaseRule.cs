namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// One commit-analyzer release rule. <see cref="Conditions"/> maps a field of the commit object (type, scope, subject,
/// header, body, footer, message, hash, …) to a micromatch glob (<see cref="Glob"/>). Like micromatch, a
/// <c>/…/</c> string is a glob matching those literal slashes, not a regular expression (checked with semantic-release).
/// <see cref="Breaking"/> and <see cref="Revert"/> are commit-analyzer's special keys (<c>false</c> is no condition).
/// <see cref="Release"/> = None is <c>"release": false</c>, which a later matching rule can still override.
/// </summary>
internal sealed record ReleaseRule(
    IReadOnlyDictionary<string, string> Conditions,
    ReleaseType Release,
    bool? Breaking = null,
    bool? Revert = null)
{
    /// <summary>Human-readable form for <c>dotnet-release explain</c>, e.g. <c>{type: "docs", scope: "README"} → patch</c>.</summary>
    public override string ToString()
    {
        var parts = Conditions.Select(c => $"{c.Key}: \"{c.Value}\"").ToList();
        if (Breaking is { } b) parts.Add($"breaking: {b.ToString().ToLowerInvariant()}");
        if (Revert is { } r) parts.Add($"revert: {r.ToString().ToLowerInvariant()}");
        var release = Release == ReleaseType.None ? "false" : Release.ToString().ToLowerInvariant();
        return $"{{{string.Join(", ", parts)}}} → {release}";
    }
}
