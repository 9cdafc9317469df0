using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

/// <summary>
/// Release notes byte-identical to semantic-release's (release-notes-generator 14.1.1, conventionalcommits 9.3.1,
/// angular 8.3.1) for every snapshot in Snapshots/ — every behaviour scenario that releases, both presets, plus the
/// seed's emoji sections, hidden types, reverts, breaking notes, scope sorting, references and other hosts.
/// </summary>
public sealed class SemanticReleaseNotesSnapshotTests
{
    /// <summary>semantic-release-behaviour.md scenarios that produce a release, per preset.</summary>
    private static readonly string[] ReleasingScenarios =
    [
        "no-tags.angular", "no-tags.conventionalcommits", "tagged-mixed.angular", "tagged-mixed.conventionalcommits",
        "perf-only.angular", "perf-only.conventionalcommits", "feat-bang.conventionalcommits", "scope-bang.conventionalcommits",
        "breaking-footer.angular", "breaking-footer.conventionalcommits", "breaking-hyphen.angular", "breaking-hyphen.conventionalcommits",
        "revert-released.angular", "revert-released.conventionalcommits", "zero-major.conventionalcommits",
        "zero-feat.angular", "zero-feat.conventionalcommits", "beta-first.conventionalcommits",
        "beta-second.angular", "beta-second.conventionalcommits", "maint-1x.angular", "maint-1x.conventionalcommits",
        "maint-1x-feat.angular", "maint-1x-feat.conventionalcommits", "custom-rules.angular", "custom-rules.conventionalcommits",
    ];

    public static TheoryData<string> Snapshots() => new(NotesSnapshot.Names());

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void NotesMatchSemanticRelease(string name)
    {
        var snapshot = NotesSnapshot.Load(name);

        var notes = ReleaseNotesGenerator.Generate(snapshot.ToContext());

        Assert.True(snapshot.Notes == notes, $"{name}: notes differ from `{snapshot.Command}`\n--- expected ---\n{snapshot.Notes}--- actual ---\n{notes}---");
    }

    [Fact]
    public void SeedConfigurationFileGivesTheSeedNotesThroughTheConfigLoader()
    {
        var snapshot = NotesSnapshot.Load("seed.full-releaserc.conventionalcommits");
        var config = ReleaseConfigParser.Parse(snapshot.Config!.ToJsonString(), ".releaserc.json");
        var context = snapshot.ToContext() with { Options = NotesOptionsReader.Read(config.Document, config.Analyzer.Preset) };

        var notes = ReleaseNotesGenerator.Generate(context);

        Assert.Equal(snapshot.Notes, notes);
    }

    [Fact]
    public void EveryReleasingBehaviourScenarioHasASnapshotForEachPreset()
    {
        var names = NotesSnapshot.Names().ToHashSet();

        var missing = ReleasingScenarios.Where(s => !names.Contains(s)).ToArray();

        Assert.True(missing.Length == 0, "missing snapshots: " + string.Join(", ", missing));
    }
}
