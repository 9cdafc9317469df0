namespace Release.Sdk.Deploy.Adapters.Tests.Fixtures;

/// <summary>A short temp directory (Unix socket paths must stay under 108 bytes), deleted afterwards.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rsdk-dr-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still writing its log: the OS cleans temp later.
        }
    }
}
