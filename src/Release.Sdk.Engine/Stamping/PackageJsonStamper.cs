using System.Text;
using System.Text.Json;

namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// <c>package.json</c>: the top-level <c>version</c> value (nested ones, e.g. in <c>engines</c> or <c>dependencies</c>,
/// are never touched). The value's span is found with <see cref="Utf8JsonReader"/> and replaced in the text, so
/// indentation, key order and line endings stay; the result is parsed again to prove it.
/// </summary>
internal static class PackageJsonStamper
{
    private const string Format = "JSON";

    public static StampResult Stamp(string path, string content, string version)
    {
        var offset = content.StartsWith('\uFEFF') ? 1 : 0;
        var json = content[offset..];
        var edits = VersionValueSpans(path, json)
            .Select(span => new TextEdit(span.Start + offset, span.Length, $"\"{version}\""))
            .ToList();
        if (edits.Count == 0) throw StampErrors.NoMatch(path, "the top-level \"version\" property");

        var result = TextEdits.Apply(content, edits);
        Validate(path, result.NewContent[offset..], version);
        return result;
    }

    private static List<(int Start, int Length)> VersionValueSpans(string path, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var spans = new List<(int, int)>();
        try
        {
            var reader = new Utf8JsonReader(bytes);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("version"u8)) continue;
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    throw StampErrors.Invalid(path, Format, afterStamping: false, "\"version\" is an object or array, not a string");
                var start = (int)reader.TokenStartIndex;
                var end = (int)reader.BytesConsumed;
                var charStart = Encoding.UTF8.GetCharCount(bytes, 0, start);
                spans.Add((charStart, Encoding.UTF8.GetCharCount(bytes, start, end - start)));
            }
        }
        catch (JsonException e)
        {
            throw StampErrors.Invalid(path, Format, afterStamping: false, e.Message, e);
        }
        return spans;
    }

    private static void Validate(string path, string json, string version)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var ok = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() == version;
            if (!ok) throw StampErrors.Invalid(path, Format, afterStamping: true, $"\"version\" does not read back as {version}");
        }
        catch (JsonException e)
        {
            throw StampErrors.Invalid(path, Format, afterStamping: true, e.Message, e);
        }
    }
}
