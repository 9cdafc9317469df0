using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Configuration;

/// <summary>semantic-release's <c>branches</c>: a string, an object, or an array of both (get-config.js castArray, verify.js EINVALIDBRANCH).</summary>
internal static class BranchesParser
{
    private const string Fix = "Each branch must be a name (glob allowed) or an object like {\"name\": \"beta\", \"prerelease\": true}; see https://semantic-release.gitbook.io/semantic-release/usage/configuration#branches.";

    public static IReadOnlyList<BranchSpec> Parse(JsonNode? node, ConfigErrors errors)
    {
        var entries = node is JsonArray array ? array.ToList() : [node];
        return entries.Select((entry, i) => Entry(entry, node is JsonArray ? $"branches[{i}]" : "branches", errors)).ToList();
    }

    private static BranchSpec Entry(JsonNode? entry, string key, ConfigErrors errors)
    {
        if (entry is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var name = v.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name)) throw errors.Fail(DiagnosticCatalog.InvalidBranches, key, "is an empty branch name", Fix);
            return new BranchSpec(name);
        }
        if (entry is not JsonObject o) throw errors.Fail(DiagnosticCatalog.InvalidBranches, key, $"is {ConfigErrors.Show(entry)}, not a branch name or object", Fix);

        var nameNode = o["name"];
        if (nameNode is not JsonValue nv || nv.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(nv.GetValue<string>()))
            throw errors.Fail(DiagnosticCatalog.InvalidBranches, key + ".name", $"must be a non-empty string (got {ConfigErrors.Show(nameNode)})", Fix);

        var (channel, channelIsFalse) = Channel(o["channel"], key + ".channel", errors);
        return new BranchSpec(
            nv.GetValue<string>(),
            Channel: channel,
            Prerelease: Prerelease(o["prerelease"], key + ".prerelease", errors),
            Range: Range(o["range"], key + ".range", errors),
            ChannelIsFalse: channelIsFalse);
    }

    private static (string? Channel, bool IsFalse) Channel(JsonNode? node, string key, ConfigErrors errors) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => (null, false),
        JsonValueKind.False => (null, true),
        JsonValueKind.String => (node.GetValue<string>(), false),
        _ => throw errors.Fail(DiagnosticCatalog.InvalidBranches, key, $"must be a channel name or false (got {ConfigErrors.Show(node)})", Fix),
    };

    /// <summary>true → "" (named after the branch), false/absent → not a prerelease branch, string → identifier template.</summary>
    private static string? Prerelease(JsonNode? node, string key, ConfigErrors errors) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => null,
        JsonValueKind.True => "",
        JsonValueKind.String when node.GetValue<string>().Length > 0 => node.GetValue<string>(),
        _ => throw errors.Fail(DiagnosticCatalog.InvalidBranches, key, $"must be true, false or a prerelease identifier such as \"beta\" (got {ConfigErrors.Show(node)})", Fix),
    };

    private static string? Range(JsonNode? node, string key, ConfigErrors errors) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => throw errors.Fail(DiagnosticCatalog.InvalidBranches, key, $"must be a range like \"1.x\" or \"1.2.x\" (got {ConfigErrors.Show(node)})", Fix),
    };
}
