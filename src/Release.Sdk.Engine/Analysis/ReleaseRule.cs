namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// One commit-analyzer release rule. <see cref="Conditions"/> maps a field of the commit object (type, scope, subject,
/// header, body, footer, message, hash, …) to a micromatch glob (<see cref="Glob"/>). Like micromatch, a
/// <c>/…/</c> string is a glob matching those literal slashes, not a regular expression (checked with semantic-release).
/// <see cref="Breaking"/> and <see cref="Revert"/> are commit-analyzer's special keys (<c>false</c> is no condition).
/// <see cref="Release"/> = None is <c>"release": false</c>, which a later matching rule can still override.
/// <see cref="RegexPatterns"/> is set only for rules written as MSBuild <c>ReleaseRule</c> items, Release.Sdk's own
/// surface: there a <c>/…/</c> value is a .NET regular expression. Rules from a semantic-release config file keep
/// micromatch semantics so they give the versions semantic-release gives.
/// </summary>
internal sealed record ReleaseRule(
    IReadOnlyDictionary<string, string> Conditions,
    ReleaseType Release,
    bool? Breaking = null,
    bool? Revert = null,
    bool RegexPatterns = false)
{
    private RuleCondition[]? _conditionList;

    /// <summary>
    /// <see cref="Conditions"/> as an array, each with whether only an equal value can match: a rule is tried on every
    /// commit of a first build, and enumerating a dictionary through its interface allocates an enumerator each time.
    /// </summary>
    internal RuleCondition[] ConditionList => _conditionList ??=
        [.. Conditions.Select(c => new RuleCondition(c.Key, c.Value, IsLiteral(c.Value)))];

    /// <summary>A pattern that matches only itself: a literal glob, unless this rule reads it as a regular expression.</summary>
    private bool IsLiteral(string pattern) => !(RegexPatterns && IsRegexPattern(pattern)) && GlobCompiler.IsLiteral(pattern);

    /// <summary>True when <paramref name="pattern"/> is written as a regular expression, <c>/…/</c>.</summary>
    public static bool IsRegexPattern(string pattern) => pattern.Length >= 2 && pattern[0] == '/' && pattern[^1] == '/';

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

/// <summary>One condition of a <see cref="ReleaseRule"/>: the field, its pattern, and whether only an equal value matches it.</summary>
internal sealed record RuleCondition(string Field, string Pattern, bool IsLiteral);
