using System.Text.Json.Nodes;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Report;

namespace Release.Sdk.Gates.Tests.Framework;

/// <summary>Whole gates runs with real command gates (POSIX shell commands): configuration → run → report files → verdict.</summary>
public sealed class GatesSessionTests
{
    private static JsonObject Settings(string mode, params (string Name, string Command)[] gates) => new()
    {
        ["mode"] = mode,
        ["gates"] = new JsonArray(gates.Select(g => (JsonNode)new JsonObject { ["spec"] = g.Name, ["command"] = g.Command }).ToArray()),
    };

    private static async Task<(GatesOutcome Outcome, List<string> Log)> Run(TempDirectory dir, JsonObject settings, bool dryRun = false, Dictionary<string, string?>? environment = null)
    {
        var log = new List<string>();
        var request = new GatesRequest(settings, null, dir.Path, environment ?? new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") },
            line => { lock (log) log.Add(line); }, DryRun: dryRun);
        return (await new GatesSession().RunAsync(request, default), log);
    }

    [Fact]
    public async Task Block_mode_a_failing_gate_gives_RSDK5001_and_the_report_shows_every_gate()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();

        var (outcome, log) = await Run(dir, Settings("block", ("ok", "echo fine"), ("broken", "echo 'no tests found' >&2; exit 1")));

        Assert.Equal("RSDK5001", outcome.Error?.Code);
        Assert.Contains("'broken' (`echo 'no tests found' >&2; exit 1` exited with 1)", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(log, l => l.StartsWith("gate ok: pass — exit code 0 (", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("gate broken: fail — ", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("gates: ❌ Release blocked by broken — 1 passed, 0 warned, 1 failed in ", StringComparison.Ordinal));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Path, "obj", "release-gates.json")))!;
        Assert.Equal(["pass", "fail"], json["gates"]!.AsArray().Select(g => (string?)g!["status"]));
        Assert.Contains("no tests found", (string?)json["gates"]![1]!["findings"]![0]!["message"], StringComparison.Ordinal);
        Assert.Contains("| broken | ❌ fail |", File.ReadAllText(Path.Combine(dir.Path, "obj", "release-gates.md")), StringComparison.Ordinal);
        Assert.Contains("no tests found", File.ReadAllText(Path.Combine(dir.Path, "obj", "release-gates", "broken", "output.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_mode_reports_the_failure_as_a_warning_and_blocks_nothing()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();

        var (outcome, _) = await Run(dir, Settings("report", ("broken", "exit 3")));

        Assert.Null(outcome.Error);
        Assert.Equal("RSDK5006", Assert.Single(outcome.Warnings).Code);
        Assert.Equal(GateStatus.Fail, outcome.Report.Outcome);
        Assert.Contains("\"blocked\": false", File.ReadAllText(outcome.Paths.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_runs_the_gates_and_says_a_real_run_would_stop()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();

        var (outcome, log) = await Run(dir, Settings("block", ("broken", "exit 1")), dryRun: true);

        Assert.Null(outcome.Error);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("this is a dry run", warning.Message, StringComparison.Ordinal);
        Assert.Contains("A real release in block mode would stop here", warning.Message, StringComparison.Ordinal);
        Assert.Contains(log, l => l.Contains("dry run: reported, not blocking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_GitHub_Actions_the_markdown_is_appended_to_the_step_summary()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var summary = dir.File("step-summary.md", "## Build\n\n");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"), ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary,
        };

        var (outcome, _) = await Run(dir, Settings("block", ("ok", "true")), environment: environment);

        Assert.Null(outcome.Error);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## Build\n\n## Release quality gates\n\n✅ **All gates passed**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_gates_configured_nothing_runs_and_nothing_blocks()
    {
        using var dir = new TempDirectory();

        var (outcome, log) = await Run(dir, new JsonObject());

        Assert.Null(outcome.Error);
        Assert.Empty(outcome.Report.Results);
        Assert.Contains(log, l => l.StartsWith("gates: none configured", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repository_root_is_the_nearest_folder_with_git()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        var project = Directory.CreateDirectory(Path.Combine(dir.Path, "src", "App")).FullName;

        Assert.Equal(dir.Path, GatesSession.RepositoryRoot(project));
    }
}
