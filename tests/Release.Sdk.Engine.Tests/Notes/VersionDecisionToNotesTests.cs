using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Notes;
using Release.Sdk.Engine.Tests.Versioning;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Notes;

/// <summary>
/// From history to notes: the behaviour scenarios run through <see cref="VersionEngine"/> (in-memory repositories,
/// so other shas than the captured ones), then <see cref="ReleaseNotesRequest"/> and the generator; the notes equal
/// semantic-release's once the captured shas are replaced by the in-memory ones (matched by commit header).
/// </summary>
public sealed class VersionDecisionToNotesTests
{
    private static readonly string[] BehaviourScenarios =
    [
        "no-tags", "tagged-mixed", "perf-only", "docs-only", "feat-bang", "scope-bang", "breaking-footer", "breaking-hyphen",
        "revert-unreleased", "revert-released", "revert-lower", "non-conventional", "zero-major", "zero-feat", "beta-first",
        "beta-second", "maint-1x", "maint-1x-feat", "maint-1x-major", "custom-rules",
    ];

    public static TheoryData<string> BehaviourSnapshots() =>
        new(NotesSnapshot.Names().Where(n => n.Split('.') is [var scenario, _] && BehaviourScenarios.Contains(scenario)));

    [Theory]
    [MemberData(nameof(BehaviourSnapshots))]
    public void EngineDecisionGivesSemanticReleaseNotes(string name)
    {
        var snapshot = NotesSnapshot.Load(name);
        var scenario = name.Split('.')[0];
        var config = ReleaseConfigParser.FromDocument(ConfigWithPreset(snapshot), name);
        var decision = VersionEngine.Decide(Scenarios.Build(scenario), config, CiContext.None);

        var context = ReleaseNotesRequest.For(decision, config, RepositoryUrl.Parse(snapshot.RepositoryUrl), snapshot.Date);

        Assert.NotNull(context);
        Assert.Equal(snapshot.Version, context.Version);
        Assert.Equal(snapshot.LastReleaseTag, context.PreviousTag);
        var expected = snapshot.Notes;
        foreach (var captured in snapshot.Commits)
        {
            var ours = context.Commits.Single(c => Header(c.Message) == Header(captured.Message));
            expected = expected.Replace(captured.Sha, ours.Sha, StringComparison.Ordinal).Replace(captured.ShortSha, ours.ShortSha, StringComparison.Ordinal);
        }

        Assert.Equal(expected, ReleaseNotesGenerator.Generate(context));
    }

    [Theory]
    [InlineData("docs-only")]
    [InlineData("revert-unreleased")]
    [InlineData("non-conventional")]
    public void NoReleaseMeansNoNotes(string scenario)
    {
        var config = new ReleaseConfig { Analyzer = new AnalyzerOptions(Preset.ConventionalCommits) };
        var decision = VersionEngine.Decide(Scenarios.Build(scenario), config, CiContext.None);

        Assert.Null(ReleaseNotesRequest.For(decision, config, RepositoryUrl.Parse("https://github.com/acme/widget"), new DateOnly(2024, 6, 1)));
    }

    private static System.Text.Json.Nodes.JsonObject ConfigWithPreset(NotesSnapshot snapshot)
    {
        var document = snapshot.Config?.DeepClone().AsObject() ?? [];
        document["preset"] = snapshot.Preset;
        return document;
    }

    private static string Header(string message) => message.Trim().Split('\n')[0];
}
