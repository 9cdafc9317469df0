using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Engine.Stamping;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

/// <summary>
/// A release run against <see cref="FakeGit"/> and <see cref="FakeHooks"/>: 1.0.0 was released, a feat and a fix
/// followed, so 1.1.0 is due on main. The configuration is the seed's shape: notes, changelog, exec hooks, git assets.
/// </summary>
internal sealed class ReleaseScenario
{
    public const string SeedConfig = """
        {
          "plugins": [
            ["@semantic-release/commit-analyzer", { "preset": "conventionalcommits" }],
            "@semantic-release/release-notes-generator",
            ["@semantic-release/changelog", { "changelogFile": "CHANGELOG.md" }],
            ["@semantic-release/exec", {
              "verifyConditionsCmd": "verify-conditions ${branch.name}",
              "verifyReleaseCmd": "verify-release ${nextRelease.version}",
              "prepareCmd": "prepare ${nextRelease.version} from ${lastRelease.version}",
              "publishCmd": "publish ${nextRelease.gitTag}",
              "successCmd": "success ${nextRelease.version}",
              "failCmd": "fail ${nextRelease.version}"
            }],
            ["@semantic-release/git", { "assets": ["CHANGELOG.md", "docs/*.py"] }]
          ]
        }
        """;

    public const string InitialChangelog = "# Changelog\n\n## 1.0.0 (2026-01-01)\n\n* first\n";

    public FakeGit Git { get; } = new(new Dictionary<string, string>
    {
        ["CHANGELOG.md"] = InitialChangelog,
        ["helm/widget/Chart.yaml"] = "apiVersion: v2\nname: widget\n# the chart\nversion: 1.0.0\nappVersion: \"1.0.0\"\n",
        ["docs/conf.py"] = "project = 'widget'\nversion = '1.0.0'\n",
    });

    public FakeHooks Hooks { get; set; } = new();

    public string ConfigJson { get; set; } = SeedConfig;

    public ReleaseRunOverrides Overrides { get; set; } = new(VersionFiles:
    [
        new VersionFileSpec("helm/widget/Chart.yaml"),
        new VersionFileSpec("docs/conf.py", Pattern: "version = '[^']+'", Replacement: "version = '${version}'"),
    ]);

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public bool DryRun { get; set; }
    public bool NoPush { get; set; }
    public bool IsPullRequest { get; set; }
    public string? PlanFile { get; set; }
    public List<IReleasePlugin> Plugins { get; } = [];

    public IReadOnlyList<CommitInfo> Commits { get; set; } =
    [
        new(new string('2', 40), "fix: handle empty input", AuthorName: "Ann", CommitterDate: new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero)),
        new(new string('1', 40), "feat: add export", AuthorName: "Ann", CommitterDate: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>The decision a version computation makes for HEAD now: 1.1.0 due after v1.0.0 (or what the test set).</summary>
    public VersionDecision? Decision { get; set; }

    public VersionDecision DueDecision()
    {
        var analysis = CommitAnalyzer.Analyze(Commits, new AnalyzerOptions());
        return new VersionDecision
        {
            NextVersion = "1.1.0",
            NextTag = "v1.1.0",
            BuildVersion = "1.1.0",
            PreviousVersion = "1.0.0",
            PreviousTag = "v1.0.0",
            Bump = analysis.Bump,
            Branch = "main",
            BranchType = BranchType.Release,
            CommitCount = Commits.Count,
            HeadSha = Git.HeadSha,
            CanRelease = true,
            Analysis = analysis,
        };
    }

    /// <summary>HEAD is the tagged release <paramref name="version"/>: nothing due.</summary>
    public VersionDecision TaggedDecision(string version) => new()
    {
        BuildVersion = version,
        PreviousVersion = version,
        PreviousTag = "v" + version,
        Branch = "main",
        BranchType = BranchType.Release,
        HeadSha = Git.HeadSha,
        IsTaggedCommit = true,
        CanRelease = true,
    };

    public ReleaseRunResult Run()
    {
        var config = ReleaseConfigParser.Parse(ConfigJson, ".releaserc.json");
        var request = new ReleaseRunRequest
        {
            Decision = Decision ?? DueDecision(),
            Config = config,
            Settings = ReleaseRunSettings.Resolve(config, Overrides),
            Environment = Environment,
            DryRun = DryRun,
            NoPush = NoPush,
            IsPullRequest = IsPullRequest,
            PlanFile = PlanFile,
            RepositoryUrl = "https://github.com/acme/widget.git",
        };
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
        return ReleaseOrchestrator.Run(request, new ReleaseRunPorts(Git, Hooks, Git, Git, Git, clock, Plugins));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
