using System.Text.Json;
using System.Text.Json.Serialization;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Journal;

/// <summary>
/// The state directory's files: journal.json (the current or last deploy), control.json (promote/abort requests from
/// other shells), deploy.lock, timeline.svg and history/ (earlier journals). Every write is temp file + rename, so a
/// reader or a crash never sees half a journal.
/// </summary>
internal sealed class JournalFiles(string stateDirectory)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Directory { get; } = Path.GetFullPath(stateDirectory);
    public string JournalPath => Path.Combine(Directory, "journal.json");
    public string ControlPath => Path.Combine(Directory, "control.json");
    public string LockPath => Path.Combine(Directory, "deploy.lock");
    public string TimelinePath => Path.Combine(Directory, "timeline.svg");
    public string HistoryDirectory => Path.Combine(Directory, "history");

    public DeployJournal? TryRead()
    {
        if (!File.Exists(JournalPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<DeployJournal>(File.ReadAllText(JournalPath), Json);
        }
        catch (JsonException e)
        {
            throw new ReleaseException(DiagnosticCatalog.DeployJournalUnreadable, $"The deploy journal '{JournalPath}' is not valid JSON ({e.Message}). It is only written by temp file + rename, so it was edited by hand or the disk failed: restore it, or move it away to start afresh (check the router's weights first).", e);
        }
    }

    public DeployJournal Read() => TryRead()
        ?? throw new ReleaseException(DiagnosticCatalog.NoDeployJournal, $"No deploy journal in '{Directory}'. Start a deploy with 'dotnet publish -p:ReleaseDeploy=canary' or 'dotnet-release deploy run --plan FILE', or pass the --state-dir it used.");

    public void Write(DeployJournal journal) => WriteAtomically(JournalPath, JsonSerializer.Serialize(journal, Json));

    /// <summary>Moves the finished journal to history/ (kept for the record) before a new deploy takes journal.json.</summary>
    public void Archive(DeployJournal journal)
    {
        System.IO.Directory.CreateDirectory(HistoryDirectory);
        WriteAtomically(Path.Combine(HistoryDirectory, $"{journal.Id}.json"), JsonSerializer.Serialize(journal, Json));
    }

    public void WriteAtomically(string path, string content)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
