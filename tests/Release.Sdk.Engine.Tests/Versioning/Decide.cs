using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Tests.Fakes;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>Short ways to run the engine in tests.</summary>
internal static class Decide
{
    public static VersionDecision With(FakeRepository repo, Preset preset = Preset.ConventionalCommits, CiContext? ci = null) =>
        VersionEngine.Decide(repo, new ReleaseConfig { Analyzer = new AnalyzerOptions(preset) }, ci ?? CiContext.None);

    public static VersionDecision With(FakeRepository repo, ReleaseConfig config, CiContext? ci = null) =>
        VersionEngine.Decide(repo, config, ci ?? CiContext.None);

    public static VersionDecision WithJson(FakeRepository repo, string json, CiContext? ci = null) =>
        VersionEngine.Decide(repo, ReleaseConfigParser.Parse(json, ".releaserc.json"), ci ?? CiContext.None);
}
