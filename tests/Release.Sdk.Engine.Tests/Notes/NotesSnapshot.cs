using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

/// <summary>
/// One notes snapshot captured from semantic-release by Snapshots/capture.sh: the peer command, the inputs it saw
/// (commits since the last release with their shas, tags, version, repository URL, date, config) and its notes.
/// </summary>
internal sealed record NotesSnapshot(
    string Name,
    string Command,
    string Preset,
    JsonObject? Config,
    string RepositoryUrl,
    DateOnly Date,
    string? LastReleaseTag,
    string NextReleaseTag,
    string Version,
    IReadOnlyList<CommitInfo> Commits,
    string Notes)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Notes", "Snapshots");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static NotesSnapshot Load(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")))!.AsObject();
        var commits = json["commits"]!.AsArray()
            .Select(c => new CommitInfo(c!["sha"]!.GetValue<string>(), c["message"]!.GetValue<string>()))
            .ToArray();
        return new NotesSnapshot(
            json["name"]!.GetValue<string>(),
            json["command"]!.GetValue<string>(),
            json["preset"]!.GetValue<string>(),
            json["config"] as JsonObject,
            json["repositoryUrl"]!.GetValue<string>(),
            DateOnly.Parse(json["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            json["lastReleaseTag"]?.GetValue<string>(),
            json["nextReleaseTag"]!.GetValue<string>(),
            json["version"]!.GetValue<string>(),
            commits,
            json["notes"]!.GetValue<string>());
    }

    /// <summary>The same inputs as semrel-next gave semantic-release: <c>--preset</c> wins over the config's preset.</summary>
    public NotesContext ToContext()
    {
        var preset = PresetNames.Parse(Preset, Name);
        var options = NotesOptionsReader.Read(Config?.DeepClone().AsObject(), preset, Name) with { Preset = preset };
        return new NotesContext
        {
            Commits = Commits,
            Version = Version,
            PreviousTag = LastReleaseTag,
            CurrentTag = NextReleaseTag,
            Date = Date,
            Repository = Engine.Notes.RepositoryUrl.Parse(RepositoryUrl),
            Options = options,
        };
    }
}
