using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.ApiCompat;

/// <summary>An OpenAPI 3.x JSON document with the lookups the diff needs: operations by method + path, local $ref resolution.</summary>
internal sealed class OpenApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly JsonObject root;

    private OpenApiDocument(JsonObject root) => this.root = root;

    public static OpenApiDocument Parse(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"it is not JSON ({e.Message})");
        }
        if (node is not JsonObject root || root["openapi"] is null && root["swagger"] is null)
            throw Invalid(source, "it has no \"openapi\" version field");
        if (root["paths"] is not null and not JsonObject) throw Invalid(source, "\"paths\" is not an object");
        return new OpenApiDocument(root);
    }

    /// <summary>Operations keyed "GET /orders/{}" (parameter names blanked, so renaming {id} to {orderId} is not a removal).</summary>
    public IReadOnlyDictionary<string, (string Display, JsonObject Operation, JsonObject PathItem)> Operations()
    {
        var operations = new Dictionary<string, (string, JsonObject, JsonObject)>(StringComparer.Ordinal);
        if (root["paths"] is not JsonObject paths) return operations;
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem) continue;
            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                    operations[$"{method.ToUpperInvariant()} {NormalizePath(path)}"] = ($"{method.ToUpperInvariant()} {path}", operation, pathItem);
            }
        }
        return operations;
    }

    public IReadOnlySet<string> PathKeys() =>
        root["paths"] is JsonObject paths ? paths.Select(p => NormalizePath(p.Key)).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>Follows local "#/…" references (a chain at most 32 long, so a cycle cannot loop).</summary>
    public JsonObject? Resolve(JsonNode? node)
    {
        for (var depth = 0; depth < 32 && node is JsonObject obj; depth++)
        {
            if (obj["$ref"]?.GetValue<string>() is not { } reference) return obj;
            node = reference.StartsWith("#/", StringComparison.Ordinal) ? Pointer(reference[2..]) : null;
        }
        return node as JsonObject;
    }

    private JsonNode? Pointer(string pointer)
    {
        JsonNode? node = root;
        foreach (var segment in pointer.Split('/'))
            node = node is JsonObject obj ? obj[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
        return node;
    }

    public static string NormalizePath(string path)
    {
        var chars = new System.Text.StringBuilder(path.Length);
        var inParameter = false;
        foreach (var c in path)
        {
            if (c == '{') { inParameter = true; chars.Append("{}"); }
            else if (c == '}') inParameter = false;
            else if (!inParameter) chars.Append(c);
        }
        return chars.ToString().TrimEnd('/');
    }

    private static ReleaseException Invalid(string source, string why) =>
        new(DiagnosticCatalog.OpenApiDocumentInvalid,
            $"The OpenAPI document '{source}' cannot be read: {why}. Point the gate at the JSON document generated at build " +
            "(Microsoft.Extensions.ApiDescription.Server writes obj/<project>.json) or at the previous release's copy of it.");
}
