using System.Xml;

namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// An MSBuild file (csproj, Directory.Build.props, …): the first <c>&lt;Version&gt;</c> that is a direct child of a
/// top-level <c>&lt;PropertyGroup&gt;</c>, in document order (its Condition is not evaluated). The element is found with
/// <see cref="XmlReader"/> (so commented-out elements are skipped) and only its text is replaced.
/// </summary>
internal static class MSBuildStamper
{
    private const string Format = "XML";

    public static StampResult Stamp(string path, string content, string version)
    {
        var offset = content.StartsWith('\uFEFF') ? 1 : 0;
        var xml = content[offset..];
        var edit = FindVersionElement(path, xml, version) ?? throw StampErrors.NoMatch(path,
            "a <Version> element in a <PropertyGroup> (add <Version>0.0.0</Version> to the file's first PropertyGroup)");
        var result = TextEdits.Apply(content, [edit with { Start = edit.Start + offset }]);
        Validate(path, result.NewContent[offset..], version);
        return result;
    }

    private static TextEdit? FindVersionElement(string path, string xml, string version)
    {
        try
        {
            return FindVersionElement(xml, version);
        }
        catch (XmlException e)
        {
            throw StampErrors.Invalid(path, Format, afterStamping: false, e.Message, e);
        }
    }

    private static TextEdit? FindVersionElement(string xml, string version)
    {
        var lines = new LineIndex(xml);
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var info = (IXmlLineInfo)reader;
        var inPropertyGroup = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                inPropertyGroup = reader.LocalName == "PropertyGroup" && !reader.IsEmptyElement;
                continue;
            }
            if (!inPropertyGroup || reader.NodeType != XmlNodeType.Element || reader.Depth != 2 || reader.LocalName != "Version") continue;

            var nameStart = lines.IndexOf(info.LineNumber, info.LinePosition);
            var openTagEnd = TagEnd(xml, nameStart);
            if (reader.IsEmptyElement)
            {
                var element = xml[(nameStart - 1)..(openTagEnd - 1)].TrimEnd('/').TrimEnd();
                return new TextEdit(nameStart - 1, openTagEnd + 1 - (nameStart - 1), $"{element}>{version}</{reader.Name}>");
            }
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 2))
            {
            }
            var closeTagStart = lines.IndexOf(info.LineNumber, info.LinePosition) - 2;
            return new TextEdit(openTagEnd + 1, closeTagStart - (openTagEnd + 1), version);
        }
        return null;
    }

    /// <summary>Index of the '&gt;' that ends the tag whose name starts at <paramref name="from"/> (quoted attribute values may hold '&gt;').</summary>
    private static int TagEnd(string xml, int from)
    {
        var quote = '\0';
        for (var i = from; i < xml.Length; i++)
        {
            var c = xml[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i;
        }
        throw new XmlException("Unterminated tag.");
    }

    private static void Validate(string path, string xml, string version)
    {
        try
        {
            var document = new XmlDocument();
            document.LoadXml(xml);
            var element = document.DocumentElement?.ChildNodes.OfType<XmlElement>()
                .Where(e => e.LocalName == "PropertyGroup")
                .SelectMany(e => e.ChildNodes.OfType<XmlElement>())
                .FirstOrDefault(e => e.LocalName == "Version");
            if (element?.InnerText != version)
                throw StampErrors.Invalid(path, Format, afterStamping: true, $"<Version> does not read back as {version}");
        }
        catch (XmlException e)
        {
            throw StampErrors.Invalid(path, Format, afterStamping: true, e.Message, e);
        }
    }
}
