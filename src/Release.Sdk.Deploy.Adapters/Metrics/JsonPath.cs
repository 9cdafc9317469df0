using System.Globalization;
using System.Text.Json;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <summary>The JSONPath subset metric endpoints need: $, .name, ['name'], [index], [*] (e.g. $.groups.canary.p95 or $.data[*].value).</summary>
internal static class JsonPath
{
    public static IEnumerable<JsonElement> Select(JsonElement root, string path)
    {
        IEnumerable<JsonElement> current = [root];
        foreach (var segment in Segments(path))
            current = current.SelectMany(e => Step(e, segment));
        return current;
    }

    private static IEnumerable<JsonElement> Step(JsonElement element, string segment)
    {
        if (segment == "*")
        {
            if (element.ValueKind == JsonValueKind.Array) return element.EnumerateArray().ToList();
            if (element.ValueKind == JsonValueKind.Object) return element.EnumerateObject().Select(p => p.Value).ToList();
            return [];
        }
        if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return index < element.GetArrayLength() ? [element[index]] : [];
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child) ? [child] : [];
    }

    private static List<string> Segments(string path)
    {
        var text = path.Trim();
        if (!text.StartsWith('$')) throw Invalid(path);
        var segments = new List<string>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = text.Length;
                if (end == i + 1) throw Invalid(path);
                segments.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0) throw Invalid(path);
                segments.Add(text[(i + 1)..end].Trim('\'', '"'));
                i = end + 1;
            }
            else throw Invalid(path);
        }
        return segments;
    }

    private static ReleaseException Invalid(string path) => new(DiagnosticCatalog.InvalidMetricQuery,
        $"'{path}' is not a supported JSON path. Start with $ and use .name, ['name'], [index] or [*], e.g. $.groups.canary.errorRate.");
}
