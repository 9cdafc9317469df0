using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>A file's size and write time: what tells a ref file changed without reading it. Length −1: no such file.</summary>
/// <remarks>A class, not a struct: lists and sorts of it run in every build, and ReadyToRun images hold framework
/// generic code only for reference types (see decisions.md).</remarks>
internal sealed record FileStamp(string Path, long Length, long WriteTicks)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(path, info.Length, info.LastWriteTimeUtc.Ticks) : new FileStamp(path, -1, 0);
    }

    public void AppendTo(StringBuilder text)
    {
        text.Append(Path).Append(':');
        if (Length >= 0) text.Append(Length).Append(':').Append(WriteTicks);
        text.Append('\n');
    }
}
