using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Configuration;

/// <summary>commit-analyzer's <c>releaseRules</c> (load-release-rules.js): an array of objects with a <c>release</c>.</summary>
internal static class ReleaseRulesParser
{
    private const string Fix = "A rule looks like {\"type\": \"docs\", \"scope\": \"README\", \"release\": \"patch\"}; release is \"major\", \"minor\", \"patch\" or false.";

    public static IReadOnlyList<ReleaseRule> Parse(JsonNode? node, string key, ConfigErrors errors)
    {
        if (node is not JsonArray array)
        {
            throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, key,
                $"must be an array of rules (got {ConfigErrors.Show(node)}; a module path is not supported by Release.Sdk)", Fix);
        }
        return array.Select((rule, i) => Rule(rule, $"{key}[{i}]", errors)).ToList();
    }

    private static ReleaseRule Rule(JsonNode? node, string key, ConfigErrors errors)
    {
        if (node is not JsonObject o) throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, key, $"is {ConfigErrors.Show(node)}, not a rule object", Fix);
        if (!o.ContainsKey("release")) throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, key, "has no \"release\" property", Fix);

        var release = Release(o["release"], key + ".release", errors);
        bool? breaking = null, revert = null;
        var conditions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in o)
        {
            switch (name)
            {
                case "release":
                    break;
                case "breaking":
                    breaking = Bool(value, $"{key}.breaking", errors);
                    break;
                case "revert":
                    revert = Bool(value, $"{key}.revert", errors);
                    break;
                default:
                    if (value is not JsonValue sv || sv.GetValueKind() != JsonValueKind.String)
                    {
                        throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, $"{key}.{name}",
                            $"must be a string (a glob, or a regular expression written as \"/…/\"), got {ConfigErrors.Show(value)}", Fix);
                    }
                    conditions[name] = sv.GetValue<string>();
                    break;
            }
        }
        return new ReleaseRule(conditions, release, breaking, revert);
    }

    private static ReleaseType Release(JsonNode? node, string key, ConfigErrors errors)
    {
        if (node?.GetValueKind() == JsonValueKind.False) return ReleaseType.None;
        var text = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        return text switch
        {
            "major" => ReleaseType.Major,
            "minor" => ReleaseType.Minor,
            "patch" => ReleaseType.Patch,
            "premajor" or "preminor" or "prepatch" or "prerelease" => throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, key,
                $"is \"{text}\", which Release.Sdk does not support (prerelease versions come from prerelease branches)", Fix),
            _ => throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, key, $"is {ConfigErrors.Show(node)}, not a valid release type", Fix),
        };
    }

    private static bool Bool(JsonNode? node, string key, ConfigErrors errors) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw errors.Fail(DiagnosticCatalog.InvalidReleaseRule, key, $"must be true or false (got {ConfigErrors.Show(node)})", Fix),
    };
}
