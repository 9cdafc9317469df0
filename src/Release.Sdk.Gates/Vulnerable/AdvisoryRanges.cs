using System.Text.Json;
using System.Text.Json.Nodes;
using NuGet.Versioning;

namespace Release.Sdk.Gates.Vulnerable;

/// <summary>
/// NuGet's audit JSON names the advisory but not the fixed version. The audit source's vulnerability pages
/// (learn.microsoft.com/nuget/api/vulnerability-info: package id → [{severity, url, versions}]) carry the affected
/// range; its exclusive upper bound ("[, 13.0.1)") is the first fixed version.
/// </summary>
internal static class AdvisoryRanges
{
    /// <summary>A vulnerability page: lower-case package id → (advisory URL → affected range).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ParsePage(string json)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        JsonObject? page;
        try
        {
            page = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return result;
        }
        foreach (var (id, entries) in page ?? [])
        {
            var ranges = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in (entries as JsonArray ?? []).OfType<JsonObject>())
            {
                if (entry["url"]?.GetValue<string>() is { } url && entry["versions"]?.GetValue<string>() is { } versions) ranges[url] = versions;
            }
            result[id] = ranges;
        }
        return result;
    }

    /// <summary>The first version outside the affected range, when the range has an exclusive upper bound.</summary>
    public static string? FixedVersion(string affectedRange) =>
        VersionRange.TryParse(affectedRange, out var range) && range.HasUpperBound && !range.IsMaxInclusive
            ? range.MaxVersion!.ToNormalizedString()
            : null;

    /// <summary>The vulnerability resource's URL in a NuGet V3 service index (type VulnerabilityInfo/6.7.0 or later).</summary>
    public static string? VulnerabilityResource(string serviceIndexJson)
    {
        try
        {
            return (JsonNode.Parse(serviceIndexJson)?["resources"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(r => r["@type"]?.GetValue<string>()?.StartsWith("VulnerabilityInfo", StringComparison.Ordinal) == true)?["@id"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The page URLs of a vulnerability index ([{"@name","@id","@updated"}]).</summary>
    public static IReadOnlyList<string> PageUrls(string indexJson)
    {
        try
        {
            return [.. (JsonNode.Parse(indexJson) as JsonArray ?? []).OfType<JsonObject>().Select(p => p["@id"]?.GetValue<string>()).OfType<string>()];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
