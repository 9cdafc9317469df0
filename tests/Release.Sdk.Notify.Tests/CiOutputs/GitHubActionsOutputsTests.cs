using System.Text.Json.Nodes;
using Release.Sdk.Notify.CiOutputs;
using Release.Sdk.Notify.Tests.Plugin;

namespace Release.Sdk.Notify.Tests.CiOutputs;

public sealed class GitHubActionsOutputsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rsdk-gha-").FullName;

    private string OutputFile => Path.Combine(_dir, "output");
    private string SummaryFile => Path.Combine(_dir, "summary.md");

    private Dictionary<string, string?> Actions => new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = OutputFile, ["GITHUB_STEP_SUMMARY"] = SummaryFile };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Reads a $GITHUB_OUTPUT file the way the runner does: name=value lines and name&lt;&lt;DELIMITER blocks.</summary>
    private static Dictionary<string, string> ParseOutputFile(string text)
    {
        var outputs = new Dictionary<string, string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                while (lines[++i] != delimiter) value.Add(lines[i]);
                outputs[line[..heredoc]] = string.Join("\n", value);
            }
            else
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
        }
        return outputs;
    }

    [Fact]
    public void Single_line_values_use_name_equals_value_and_multiline_values_the_documented_heredoc()
    {
        Assert.Equal("version=1.2.0\n", GitHubActionsOutputs.Format("version", "1.2.0"));
        var block = GitHubActionsOutputs.Format("notes", "## 1.2.0\r\n\n* a");
        Assert.Matches("^notes<<(ghadelimiter_[0-9a-f]{32})\n## 1\\.2\\.0\n\n\\* a\n\\1\n$", block);
        Assert.Throws<ArgumentException>(() => GitHubActionsOutputs.Format("a=b", "x"));
    }

    [Fact]
    public void Plugin_writes_released_version_tag_release_url_notes_and_the_summary_with_gate_report_and_links()
    {
        var gates = Path.Combine(_dir, "release-gates.md");
        File.WriteAllText(gates, "| gate | result |\n|---|---|\n| coverage | ✅ 91% ≥ 85% |\n");
        var plugins = JsonNode.Parse($$"""{"githubActions":{"gateSummary":"{{gates.Replace("\\", "\\\\", StringComparison.Ordinal)}}"} }""")!.AsObject();
        var run = new PluginContexts();
        run.Outputs["release-url"] = "https://github.com/acme/widget/releases/tag/v1.2.0";
        File.WriteAllText(OutputFile, "version=1.2.0-alpha.0.5\n"); // what the build wrote earlier: the release's line comes after it

        var plugin = GitHubActionsPlugin.Create(plugins, Actions)!;
        plugin.Success(run.Context(environment: Actions));

        var outputs = ParseOutputFile(File.ReadAllText(OutputFile));
        Assert.Equal("true", outputs["released"]);
        Assert.Equal("1.2.0", outputs["version"]);
        Assert.Equal("v1.2.0", outputs["tag"]);
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", outputs["release-url"]);
        Assert.Equal("## 1.2.0 (2026-03-04)\n\n### Features\n\n* **api:** paging\n", outputs["notes"] + "\n");
        var summary = File.ReadAllText(SummaryFile);
        Assert.StartsWith("## Released 1.2.0 (`v1.2.0`)\n\n## 1.2.0 (2026-03-04)", summary);
        Assert.Contains("### Quality gates\n\n| gate | result |", summary);
        Assert.Contains("- [Release](https://github.com/acme/widget/releases/tag/v1.2.0)", summary);
        Assert.Contains("- [Tag](https://github.com/acme/widget/tree/v1.2.0)", summary);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void Not_released_writes_released_false_and_a_summary_line()
    {
        var warnings = GitHubActionsOutputs.WriteNotReleased(Actions, "Nothing was released: no commit since v1.1.0 needs a release.");

        Assert.Empty(warnings);
        var outputs = ParseOutputFile(File.ReadAllText(OutputFile));
        Assert.Equal(("false", "", "", ""), (outputs["released"], outputs["version"], outputs["tag"], outputs["release-url"]));
        Assert.Equal("### No release\n\nNothing was released: no commit since v1.1.0 needs a release.\n\n", File.ReadAllText(SummaryFile));
    }

    [Fact]
    public void Outside_GitHub_Actions_nothing_is_written_and_there_is_no_plugin()
    {
        var env = new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = OutputFile };

        Assert.Null(GitHubActionsPlugin.Create(null, env));
        Assert.Empty(GitHubActionsOutputs.WriteNotReleased(env, "x"));
        Assert.False(File.Exists(OutputFile));
    }

    [Fact]
    public void Unwritable_files_and_an_unreadable_gate_report_are_warnings_not_errors()
    {
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = Path.Combine(_dir, "missing-dir", "output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir, "missing-dir", "summary"),
        };
        var plugins = JsonNode.Parse("""{"githubActions":{"gateSummary":"/nonexistent/release-gates.md"}}""")!.AsObject();
        var run = new PluginContexts();

        GitHubActionsPlugin.Create(plugins, env)!.Success(run.Context(environment: env));

        Assert.Equal(["RSDK6505", "RSDK6504", "RSDK6504"], run.Warnings.Select(w => w.Code).ToList());
        Assert.Contains("$GITHUB_OUTPUT", run.Warnings[1].Message);
        Assert.Contains("$GITHUB_STEP_SUMMARY", run.Warnings[2].Message);
    }
}
