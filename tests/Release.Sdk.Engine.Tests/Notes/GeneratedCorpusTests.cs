using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

/// <summary>
/// Differential test against a generated corpus (Snapshots/Generated/generate.mjs): random histories with scopes,
/// <c>!</c>, breaking notes, references, mentions, reverts and Release-As, rendered by the real
/// release-notes-generator for both presets, several configs and repository URLs.
/// </summary>
public sealed class GeneratedCorpusTests
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(NotesSnapshot.Directory, "Generated", "corpus.json")))!["cases"]!.AsArray());

    public static TheoryData<int> CaseIds() => new(Cases.Value.Select(c => c!["id"]!.GetValue<int>()));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void NotesMatchTheRealGenerator(int id)
    {
        var entry = Cases.Value.Single(c => c!["id"]!.GetValue<int>() == id)!;
        var preset = PresetNames.Parse(entry["preset"]!.GetValue<string>(), $"case {id}");
        var context = new NotesContext
        {
            Commits = entry["commits"]!.AsArray().Select(c => new CommitInfo(c!["sha"]!.GetValue<string>(), c["message"]!.GetValue<string>())).ToArray(),
            Version = entry["version"]!.GetValue<string>(),
            PreviousTag = entry["lastReleaseTag"]?.GetValue<string>(),
            CurrentTag = entry["nextReleaseTag"]!.GetValue<string>(),
            Date = new DateOnly(2024, 6, 1),
            Repository = RepositoryUrl.Parse(entry["repositoryUrl"]!.GetValue<string>()),
            Options = NotesOptionsReader.Read(entry["config"]!.DeepClone().AsObject(), preset, $"case {id}") with { Preset = preset },
        };
        var expected = entry["notes"]!.GetValue<string>();

        var notes = ReleaseNotesGenerator.Generate(context);

        Assert.True(expected == notes, $"case {id} ({preset}, {entry["repositoryUrl"]}, config {entry["config"]!.ToJsonString()}):\n--- expected ---\n{expected}--- actual ---\n{notes}---");
    }
}
