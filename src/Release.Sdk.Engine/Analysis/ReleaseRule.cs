namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// One commit-analyzer release rule. <see cref="Conditions"/> maps a parsed commit field (type, scope, subject, …)
/// to a pattern: a micromatch-style glob, or a regular expression written as <c>/…/</c>. <see cref="Breaking"/> and
/// <see cref="Revert"/> are the special keys of commit-analyzer. <see cref="Release"/> = None is <c>"release": false</c>.
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
