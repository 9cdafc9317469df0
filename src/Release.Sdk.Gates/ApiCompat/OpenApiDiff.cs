using System.Text.Json.Nodes;

namespace Release.Sdk.Gates.ApiCompat;

/// <summary>
/// Diffs two OpenAPI documents from a client's point of view. Breaking: a path or operation removed, a parameter removed,
/// a new required parameter or request body, an optional parameter made required, a parameter's type narrowed, a success
/// response or its media type removed, a response schema that lost a property or changed its type. Additions (paths,
/// operations, optional parameters, response properties) are listed as non-breaking.
/// </summary>
internal static class OpenApiDiff
{
    public static IReadOnlyList<ApiChange> Compare(OpenApiDocument baseline, OpenApiDocument current)
    {
        var changes = new List<ApiChange>();
        var before = baseline.Operations();
        var after = current.Operations();
        var currentPaths = current.PathKeys();

        foreach (var (key, (display, operation, pathItem)) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                var pathGone = !currentPaths.Contains(key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                changes.Add(pathGone
                    ? new ApiChange("openapi-path-removed", display, $"{display}: the path was removed", true)
                    : new ApiChange("openapi-operation-removed", display, $"{display}: the operation was removed", true));
                continue;
            }
            CompareParameters(baseline, current, display, Parameters(operation, pathItem), Parameters(now.Operation, now.PathItem), changes);
            CompareRequestBody(baseline, current, display, operation, now.Operation, changes);
            CompareResponses(baseline, current, display, operation, now.Operation, changes);
        }
        foreach (var (key, (display, _, _)) in after)
        {
            if (!before.ContainsKey(key)) changes.Add(new ApiChange("openapi-operation-added", display, $"{display}: new operation", false));
        }
        return changes;
    }

    private static Dictionary<string, JsonObject> Parameters(JsonObject operation, JsonObject pathItem)
    {
        // Path-level parameters apply to every operation; the operation's own override them (OpenAPI 3.1 §4.8.9).
        var parameters = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in new[] { pathItem["parameters"], operation["parameters"] })
        {
            if (list is not JsonArray array) continue;
            foreach (var p in array.OfType<JsonObject>())
            {
                var key = $"{p["in"]?.GetValue<string>()}:{p["name"]?.GetValue<string>()}";
                parameters[key] = p;
            }
        }
        return parameters;
    }

    private static void CompareParameters(OpenApiDocument baseline, OpenApiDocument current, string display,
        Dictionary<string, JsonObject> before, Dictionary<string, JsonObject> after, List<ApiChange> changes)
    {
        foreach (var (key, was) in before)
        {
            var label = Label(key);
            if (!after.TryGetValue(key, out var now))
            {
                // A path parameter cannot disappear while the (normalized) path stays; it was renamed with the template.
                if (!key.StartsWith("path:", StringComparison.Ordinal))
                    changes.Add(new ApiChange("openapi-parameter-removed", display, $"{display}: {label} was removed", true));
                continue;
            }
            if (!Required(was) && Required(now))
                changes.Add(new ApiChange("openapi-parameter-now-required", display, $"{display}: {label} is now required", true));
            if (NarrowedTypes(baseline.Resolve(was["schema"]), current.Resolve(now["schema"])) is { } types)
                changes.Add(new ApiChange("openapi-parameter-type-changed", display, $"{display}: {label} no longer accepts {types}", true));
        }
        foreach (var (key, now) in after)
        {
            if (before.ContainsKey(key) || key.StartsWith("path:", StringComparison.Ordinal)) continue;
            changes.Add(Required(now)
                ? new ApiChange("openapi-required-parameter-added", display, $"{display}: new required {Label(key)}", true)
                : new ApiChange("openapi-parameter-added", display, $"{display}: new optional {Label(key)}", false));
        }
    }

    private static void CompareRequestBody(OpenApiDocument baseline, OpenApiDocument current, string display,
        JsonObject before, JsonObject after, List<ApiChange> changes)
    {
        var was = baseline.Resolve(before["requestBody"]);
        var now = current.Resolve(after["requestBody"]);
        if (now is not null && Required(now) && (was is null || !Required(was)))
            changes.Add(new ApiChange("openapi-request-body-now-required", display, $"{display}: a request body is now required", true));
    }

    private static void CompareResponses(OpenApiDocument baseline, OpenApiDocument current, string display,
        JsonObject before, JsonObject after, List<ApiChange> changes)
    {
        if (before["responses"] is not JsonObject wasResponses) return;
        var nowResponses = after["responses"] as JsonObject;
        foreach (var (status, node) in wasResponses)
        {
            if (!status.StartsWith('2')) continue; // error responses may come and go; callers depend on the success contract
            var was = baseline.Resolve(node);
            var now = current.Resolve(nowResponses?[status]);
            if (now is null)
            {
                changes.Add(new ApiChange("openapi-response-removed", display, $"{display}: response {status} was removed", true));
                continue;
            }
            if (was?["content"] is not JsonObject wasContent) continue;
            foreach (var (mediaType, media) in wasContent)
            {
                if (now["content"]?[mediaType] is not JsonObject nowMedia)
                {
                    changes.Add(new ApiChange("openapi-response-media-removed", display, $"{display}: response {status} no longer returns {mediaType}", true));
                    continue;
                }
                var where = $"{display}: response {status}";
                CompareResponseSchema(baseline, current, where, display, baseline.Resolve(media?["schema"]), current.Resolve(nowMedia["schema"]), changes, 0);
            }
        }
    }

    // A response must still carry everything a client read before: no removed property, no new type.
    private static void CompareResponseSchema(OpenApiDocument baseline, OpenApiDocument current, string where, string display,
        JsonObject? was, JsonObject? now, List<ApiChange> changes, int depth)
    {
        if (was is null || depth > 16) return;
        if (now is null)
        {
            changes.Add(new ApiChange("openapi-response-schema-removed", display, $"{where}: the schema was removed", true));
            return;
        }
        if (WidenedTypes(was, now) is { } added)
            changes.Add(new ApiChange("openapi-response-type-changed", display, $"{where}: type now also {added} (was {string.Join("/", Types(was))})", true));
        if (was["properties"] is JsonObject wasProperties)
        {
            var nowProperties = now["properties"] as JsonObject;
            foreach (var (name, property) in wasProperties)
            {
                if (nowProperties?[name] is null)
                {
                    changes.Add(new ApiChange("openapi-response-property-removed", display, $"{where}: property '{name}' was removed", true));
                    continue;
                }
                CompareResponseSchema(baseline, current, $"{where}.{name}", display, baseline.Resolve(property), current.Resolve(nowProperties[name]), changes, depth + 1);
            }
        }
        if (was["items"] is not null)
            CompareResponseSchema(baseline, current, $"{where}[]", display, baseline.Resolve(was["items"]), current.Resolve(now["items"]), changes, depth + 1);
    }

    private static bool Required(JsonObject node) => node["required"] is JsonValue value && value.TryGetValue<bool>(out var required) && required;

    private static string Label(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return $"{key[..colon]} parameter '{key[(colon + 1)..]}'";
    }

    private static HashSet<string> Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray array => array.Select(t => t?.GetValue<string>() ?? "").Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal),
        JsonValue value when value.TryGetValue<string>(out var type) => [type],
        _ => [],
    };

    /// <summary>Types a request parameter accepted before and no longer does (null when none, or either side is untyped).</summary>
    private static string? NarrowedTypes(JsonObject? was, JsonObject? now)
    {
        var before = Types(was);
        var after = Types(now);
        if (before.Count == 0 || after.Count == 0) return null;
        var lost = before.Where(t => !after.Contains(t)).Order(StringComparer.Ordinal).ToList();
        return lost.Count == 0 ? null : string.Join("/", lost);
    }

    /// <summary>Types a response may now have that it could not before (null when none, or either side is untyped).</summary>
    private static string? WidenedTypes(JsonObject was, JsonObject now) => NarrowedTypes(now, was);
}
