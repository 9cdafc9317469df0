using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// Helm <c>Chart.yaml</c>: the top-level <c>version</c> (required) and <c>appVersion</c> (when present). The scalars are
/// located with YamlDotNet's parser events and only their spans are rewritten, so comments, key order, indentation and
/// the dependencies' own <c>version</c> keys stay exactly as they were; the result is parsed again to prove it is valid
/// and carries the version. <c>version</c> keeps its quoting; <c>appVersion</c> is written double-quoted as the seed's
/// script and Helm's docs do (a single-quoted one stays single-quoted).
/// </summary>
internal static class HelmChartStamper
{
    private const string Format = "YAML";

    public static StampResult Stamp(string path, string content, string version)
    {
        var offset = content.StartsWith('\uFEFF') ? 1 : 0;
        var yaml = content[offset..];
        var values = TopLevelScalars(path, yaml, "version", "appVersion");
        if (!values.TryGetValue("version", out var chartVersion)) throw StampErrors.NoMatch(path, "the top-level 'version' key");

        var edits = new List<TextEdit> { Edit(yaml, chartVersion, version, forceQuotes: false, offset) };
        if (values.TryGetValue("appVersion", out var appVersion)) edits.Add(Edit(yaml, appVersion, version, forceQuotes: true, offset));

        var result = TextEdits.Apply(content, edits);
        Validate(path, result.NewContent[offset..], version, values.ContainsKey("appVersion"));
        return result;
    }

    private static Dictionary<string, (Scalar Value, Scalar Key)> TopLevelScalars(string path, string yaml, params string[] keys)
    {
        var found = new Dictionary<string, (Scalar, Scalar)>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            var depth = 0;
            Scalar? pendingKey = null;
            while (parser.MoveNext() && parser.Current is not DocumentEnd)
            {
                var current = parser.Current!;
                if (pendingKey is not null)
                {
                    if (current is Scalar value) found.TryAdd(pendingKey.Value, (value, pendingKey));
                    // An alias ("appVersion: *v") follows its anchor, which is stamped where it is defined.
                    else if (current is not AnchorAlias) throw StampErrors.Invalid(path, Format, afterStamping: false, $"'{pendingKey.Value}' is not a plain value");
                    pendingKey = null;
                }
                else if (depth == 1 && current is Scalar { IsKey: true } key && keys.Contains(key.Value, StringComparer.Ordinal))
                {
                    pendingKey = key;
                }
                if (current is MappingStart or SequenceStart) depth++;
                else if (current is MappingEnd or SequenceEnd) depth--;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // YamlDotNet 18.1 reports some unterminated flow collections as InvalidOperationException.
            throw StampErrors.Invalid(path, Format, afterStamping: false, e.Message, e);
        }
        return found;
    }

    private static TextEdit Edit(string yaml, (Scalar Value, Scalar Key) entry, string version, bool forceQuotes, int offset)
    {
        var (value, key) = entry;
        var start = (int)value.Start.Index;
        var end = (int)value.End.Index;
        if (value.Value.Length == 0 && value.Style == ScalarStyle.Plain)
        {
            // "version:" with nothing after it: the empty scalar's mark is wherever the scanner stopped, so insert after the colon.
            var colon = yaml.IndexOf(':', (int)key.End.Index) + 1;
            return new TextEdit(colon + offset, 0, " " + Quote(version, forceQuotes ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain));
        }
        start = SkipAnchorAndTag(yaml, start, end);
        var style = value.Style switch
        {
            ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            ScalarStyle.Plain when !forceQuotes => ScalarStyle.Plain,
            _ => ScalarStyle.DoubleQuoted,
        };
        return new TextEdit(start + offset, end - start, Quote(version, style));
    }

    private static int SkipAnchorAndTag(string yaml, int start, int end)
    {
        while (start < end && yaml[start] is '&' or '!')
        {
            while (start < end && !char.IsWhiteSpace(yaml[start])) start++;
            while (start < end && char.IsWhiteSpace(yaml[start])) start++;
        }
        return start;
    }

    private static string Quote(string version, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => $"'{version}'",
        ScalarStyle.DoubleQuoted => $"\"{version}\"",
        _ => version,
    };

    private static void Validate(string path, string yaml, string version, bool hasAppVersion)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                throw StampErrors.Invalid(path, Format, afterStamping: true, "the document is not a mapping");
            Expect(path, root, "version", version);
            if (hasAppVersion) Expect(path, root, "appVersion", version);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw StampErrors.Invalid(path, Format, afterStamping: true, e.Message, e);
        }
    }

    private static void Expect(string path, YamlMappingNode root, string key, string version)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlScalarNode { Value: var value } || value != version)
            throw StampErrors.Invalid(path, Format, afterStamping: true, $"'{key}' does not read back as {version}");
    }
}
