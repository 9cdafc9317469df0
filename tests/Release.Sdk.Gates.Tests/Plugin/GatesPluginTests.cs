using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Gates.Plugin;

namespace Release.Sdk.Gates.Tests.Plugin;

public sealed class GatesPluginTests
{
    private static ReleaseContext Context(string directory, JsonObject? settings, bool dryRun = false, JsonObject? config = null) => new()
    {
        Version = "1.2.0",
        Tag = "v1.2.0",
        PreviousVersion = "1.1.0",
        PreviousTag = "v1.1.0",
        ReleaseType = "minor",
        WorkingDirectory = directory,
        Environment = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") },
        DryRun = dryRun,
        Settings = settings,
        Config = config,
        Journal = new MemoryReleaseJournal(),
        Log = _ => { },
        Outputs = new Dictionary<string, string>(),
        Warnings = new List<Diagnostic>(),
    };

    private static JsonObject Gates(string command, bool inNotes = false) => new()
    {
        ["inNotes"] = inNotes ? "true" : null,
        ["gates"] = new JsonArray(new JsonObject { ["spec"] = "check", ["command"] = command }),
    };

    [Fact]
    public void Without_gates_configured_there_is_no_plugin()
    {
        Assert.Null(GatesPlugin.CreateIfConfigured(new JsonObject { ["github"] = new JsonObject() }, new JsonObject()));
        Assert.NotNull(GatesPlugin.CreateIfConfigured(null, new JsonObject { ["gates"] = new JsonObject() }));
    }

    [Fact]
    public void Verify_release_throws_the_coded_error_when_a_gate_fails()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var plugin = GatesPlugin.CreateIfConfigured(new JsonObject { ["gates"] = Gates("exit 1") }, null)!;
        var context = Context(dir.Path, Gates("exit 1"));

        var error = Assert.Throws<ReleaseException>(() => plugin.VerifyRelease(context));

        Assert.Equal("RSDK5001", error.Code);
        Assert.Equal("fail", context.Outputs["gates-outcome"]);
        Assert.Contains("\"version\": \"1.2.0\"", File.ReadAllText(Path.Combine(dir.Path, "obj", "release-gates.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_run_adds_the_gate_table_to_the_notes_when_asked()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var plugin = GatesPlugin.CreateIfConfigured(new JsonObject { ["gates"] = Gates("true", inNotes: true) }, null)!;
        var context = Context(dir.Path, Gates("true", inNotes: true));

        plugin.VerifyRelease(context);

        Assert.Equal("pass", context.Outputs["gates-outcome"]);
        Assert.StartsWith("### Quality gates\n\n| Gate | Result | Figures |", plugin.GenerateNotes(context), StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_stay_untouched_unless_in_notes_is_set()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var plugin = GatesPlugin.CreateIfConfigured(new JsonObject { ["gates"] = Gates("true") }, null)!;
        var context = Context(dir.Path, Gates("true"));

        plugin.VerifyRelease(context);

        Assert.Null(plugin.GenerateNotes(context));
    }

    [Fact]
    public void In_a_dry_run_a_failure_is_a_warning_of_the_run()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var plugin = GatesPlugin.CreateIfConfigured(new JsonObject { ["gates"] = Gates("exit 1") }, null)!;
        var context = Context(dir.Path, Gates("exit 1"), dryRun: true);

        plugin.VerifyRelease(context);

        Assert.Equal("RSDK5006", Assert.Single(context.Warnings).Code);
    }

    [Fact]
    public void Releaserc_gates_run_when_msbuild_configures_none()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var config = new JsonObject { ["gates"] = new JsonObject { ["gates"] = new JsonArray(new JsonObject { ["name"] = "lint", ["command"] = "exit 2" }) } };
        var plugin = GatesPlugin.CreateIfConfigured(null, config)!;

        var error = Assert.Throws<ReleaseException>(() => plugin.VerifyRelease(Context(dir.Path, null, config: config)));

        Assert.Contains("'lint'", error.Message, StringComparison.Ordinal);
    }
}
