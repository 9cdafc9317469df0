using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Vulnerable;

/// <summary>What `dotnet list package --vulnerable --format json` said: the vulnerable packages, the audit sources it used, its problems.</summary>
internal sealed record NuGetAuditReport(IReadOnlyList<VulnerablePackage> Packages, IReadOnlyList<string> Sources, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Parses the JSON (format version 1). The same package version found in several projects or target frameworks is
    /// one finding listing the projects. Output that is not JSON (NuGet prints plain errors when an audit source is
    /// unreachable) is RSDK5020 with that text.
    /// </summary>
    public static NuGetAuditReport Parse(string output)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        JsonNode? root = null;
        try
        {
            if (start >= 0) root = JsonNode.Parse(output[start..]);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root?["version"] is null)
        {
            var text = string.Join(" ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4));
            throw new ReleaseException(DiagnosticCatalog.GateReportUnreadable,
                $"`dotnet list package --vulnerable` did not report JSON: {text}. Check that the project restores and that every audit source in nuget.config (<auditSources>, else the package sources) is reachable.");
        }

        var byKey = new Dictionary<(string Id, string Version, string Url), (VulnerablePackage Package, SortedSet<string> Projects)>();
        foreach (var project in Array(root, "projects"))
        {
            var path = project["path"]?.GetValue<string>() ?? "";
            foreach (var framework in Array(project, "frameworks"))
            {
                foreach (var (list, transitive) in new[] { ("topLevelPackages", false), ("transitivePackages", true) })
                {
                    foreach (var package in Array(framework, list))
                    {
                        var id = package["id"]?.GetValue<string>() ?? "";
                        var version = package["resolvedVersion"]?.GetValue<string>() ?? "";
                        foreach (var advisory in Array(package, "vulnerabilities"))
                        {
                            var url = advisory["advisoryurl"]?.GetValue<string>() ?? "";
                            var severity = SeverityNames.TryParse(advisory["severity"]?.GetValue<string>() ?? "") ?? FindingSeverity.Critical;
                            var key = (id.ToLowerInvariant(), version, url);
                            if (!byKey.TryGetValue(key, out var entry))
                                byKey[key] = entry = (new VulnerablePackage(id, version, transitive, severity, url, []), new SortedSet<string>(StringComparer.Ordinal));
                            entry.Projects.Add(path);
                        }
                    }
                }
            }
        }

        var packages = byKey.Values.Select(e => e.Package with { Projects = [.. e.Projects] })
            .OrderByDescending(p => p.Severity).ThenBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var sources = Array(root, "sources").Select(s => s.GetValue<string>()).ToList();
        var problems = Array(root, "problems").Select(p => $"{p["level"]?.GetValue<string>()}: {p["text"]?.GetValue<string>()}").ToList();
        return new NuGetAuditReport(packages, sources, problems);
    }

    private static IEnumerable<JsonNode> Array(JsonNode node, string name) =>
        node[name] is JsonArray array ? array.OfType<JsonNode>() : [];
}
