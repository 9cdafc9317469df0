using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Security;

/// <summary>
/// Reads SARIF 2.1 logs written by the compiler (`ErrorLog=…,version=2.1`) and keeps the security rules' results.
/// Severity: the result's level (error → high, warning → medium, note → low) unless the gate's RuleSeverities
/// setting names the rule. Duplicates (one per target framework) collapse into one finding.
/// </summary>
internal static class SarifLogs
{
    public static IReadOnlyList<SecurityFinding> Read(IEnumerable<(string Name, string Json)> logs, IReadOnlyDictionary<string, FindingSeverity> ruleSeverities)
    {
        var findings = new List<SecurityFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, json) in logs)
        {
            foreach (var run in Runs(name, json))
            {
                var categories = RuleCategories(run);
                foreach (var result in run["results"]?.AsArray() ?? [])
                {
                    if (result is null) continue;
                    var ruleId = result["ruleId"]?.GetValue<string>() ?? "";
                    var index = result["ruleIndex"]?.GetValue<int>();
                    var category = index is { } i && i >= 0 && i < categories.Count ? categories[i].Category
                        : categories.FirstOrDefault(r => r.Id == ruleId).Category;
                    if (!SecurityRules.IsSecurity(ruleId, category)) continue;

                    var level = result["level"]?.GetValue<string>() ?? "warning";
                    if (level == "none") continue;
                    var severity = ruleSeverities.TryGetValue(ruleId, out var configured) ? configured : FromLevel(level);
                    var (file, line) = Location(result);
                    var suppressed = result["suppressions"]?.AsArray().Count > 0;
                    var finding = new SecurityFinding(ruleId, result["message"]?["text"]?.GetValue<string>() ?? "", file, line, severity, suppressed);
                    if (seen.Add($"{ruleId}|{file}|{line}|{finding.Message}")) findings.Add(finding);
                }
            }
        }
        return findings;
    }

    public static FindingSeverity FromLevel(string level) => level switch
    {
        "error" => FindingSeverity.High,
        "note" => FindingSeverity.Low,
        _ => FindingSeverity.Medium,
    };

    private static IEnumerable<JsonNode> Runs(string name, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw Unreadable(name, e.Message);
        }
        if (root?["version"]?.GetValue<string>() is not { } version || !version.StartsWith("2.1", StringComparison.Ordinal))
            throw Unreadable(name, "it is not SARIF 2.1 (the compiler writes 1.0 unless ErrorLog ends with ',version=2.1')");
        return (root["runs"]?.AsArray() ?? []).OfType<JsonNode>();
    }

    private static List<(string Id, string? Category)> RuleCategories(JsonNode run) =>
        [.. (run["tool"]?["driver"]?["rules"]?.AsArray() ?? []).OfType<JsonNode>()
            .Select(r => (r["id"]?.GetValue<string>() ?? "", r["properties"]?["category"]?.GetValue<string>()))];

    private static (string? File, int? Line) Location(JsonNode result)
    {
        var physical = result["locations"]?.AsArray().FirstOrDefault()?["physicalLocation"];
        var uri = physical?["artifactLocation"]?["uri"]?.GetValue<string>();
        var line = physical?["region"]?["startLine"]?.GetValue<int>();
        if (uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile) uri = absolute.LocalPath;
        return (uri, line);
    }

    private static ReleaseException Unreadable(string name, string why) =>
        new(DiagnosticCatalog.GateReportUnreadable,
            $"The SARIF log {name} cannot be read ({why}). Rerun the gate; it writes the logs itself with ErrorLog=<file>,version=2.1.");
}
