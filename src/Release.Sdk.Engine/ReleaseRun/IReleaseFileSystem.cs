namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The release run's port on files: paths are relative to the repository root ('/'-separated) or absolute. The
/// CLI implements it on the real disk (UTF-8 without adding a BOM); tests implement it in memory.
/// </summary>
internal interface IReleaseFileSystem
{
    /// <summary>The file's text, or null when it does not exist.</summary>
    string? ReadAllText(string path);

    void WriteAllText(string path, string content);

    void Delete(string path);
}
