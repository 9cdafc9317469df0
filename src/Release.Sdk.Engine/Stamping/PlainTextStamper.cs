namespace Release.Sdk.Engine.Stamping;

/// <summary>A VERSION file: the content becomes the version, keeping a UTF-8 BOM and the final line break as they were.</summary>
internal static class PlainTextStamper
{
    public static StampResult Stamp(string content, string version)
    {
        var start = content.StartsWith('\uFEFF') ? 1 : 0;
        var end = content.Length;
        if (end > start && content[end - 1] == '\n') end--;
        if (end > start && content[end - 1] == '\r') end--;
        return TextEdits.Apply(content, [new TextEdit(start, end - start, version)]);
    }
}
