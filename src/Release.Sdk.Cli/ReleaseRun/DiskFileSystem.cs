using System.Text;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>
/// Files relative to the repository root, read and written as UTF-8 byte for byte: a BOM is kept as the U+FEFF
/// character it decodes to and written back, never added.
/// </summary>
internal sealed class DiskFileSystem(string root) : IReleaseFileSystem
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string? ReadAllText(string path)
    {
        var full = Resolve(path);
        return File.Exists(full) ? Utf8.GetString(File.ReadAllBytes(full)) : null;
    }

    public void WriteAllText(string path, string content)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Utf8.GetBytes(content));
    }

    public void Delete(string path) => File.Delete(Resolve(path));

    private string Resolve(string path) => Path.GetFullPath(path, root);
}
