namespace Release.Sdk.Gates.Security;

/// <summary>
/// Which analyzer rules are security rules. The SARIF log carries each rule's category ("Security"); when a log has no
/// rule metadata the gate falls back to the documented security rule ids of the .NET analyzers (CA2100, CA2109,
/// CA2119, CA2153, CA23xx deserialization, CA3xxx injection, CA5xxx cryptography and protocols).
/// </summary>
internal static class SecurityRules
{
    private static readonly HashSet<string> Ca2Security = new(StringComparer.OrdinalIgnoreCase) { "CA2100", "CA2109", "CA2119", "CA2153" };

    public static bool IsSecurity(string ruleId, string? category)
    {
        if (category is not null) return string.Equals(category, "Security", StringComparison.OrdinalIgnoreCase);
        return Ca2Security.Contains(ruleId)
            || ruleId.StartsWith("CA23", StringComparison.OrdinalIgnoreCase)
            || ruleId.StartsWith("CA3", StringComparison.OrdinalIgnoreCase)
            || ruleId.StartsWith("CA5", StringComparison.OrdinalIgnoreCase);
    }
}
