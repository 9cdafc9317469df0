using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Command;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Command;

public sealed class CommandGateTests
{
    private static GateContext Context(string directory, Dictionary<string, string> settings) => new(
        directory, directory, new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") },
        Path.Combine(directory, "out"), null, new ProcessGateRunner(), _ => { });

    private static Task<GateResult> Run(TempDirectory dir, params (string Key, string Value)[] settings) =>
        new CommandGate("check").RunAsync(Context(dir.Path, settings.ToDictionary(s => s.Key, s => s.Value)), default);

    [Fact]
    public async Task Exit_code_zero_passes_and_the_output_is_kept()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();

        var result = await Run(dir, ("Command", "echo all good"));

        Assert.Equal((GateStatus.Pass, "exit code 0"), (result.Status, result.Summary));
        Assert.Null(result.Remedy);
        Assert.Contains("all good", File.ReadAllText(Path.Combine(dir.Path, "out", "output.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_the_end_of_the_output_and_the_items_remedy()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();

        var result = await Run(dir, ("Command", "for i in $(seq 1 30); do echo line $i; done; exit 4"), ("Remedy", "Run ./eng/check.sh and fix what it says."));

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("`for i in $(seq 1 30); do echo line $i; done; exit 4` exited with 4", result.Summary);
        Assert.Equal("Run ./eng/check.sh and fix what it says.", result.Remedy);
        var tail = Assert.Single(result.Findings).Message;
        Assert.StartsWith("line 16\n", tail, StringComparison.Ordinal);
        Assert.EndsWith("line 30", tail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_runs_in_the_base_directory_or_its_working_directory()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var sub = Directory.CreateDirectory(Path.Combine(dir.Path, "eng")).FullName;
        File.WriteAllText(Path.Combine(sub, "marker"), "here");

        var result = await Run(dir, ("Command", "cat marker"), ("WorkingDirectory", "eng"));

        Assert.Equal(GateStatus.Pass, result.Status);
    }

    [Theory]
    [InlineData("echo 'Coverage: 91.5%'", "85", null, true)]
    [InlineData("echo 'Coverage: 61.5%'", "85", null, false)]
    [InlineData("echo 'Coverage: 12%'", "20", "max", true)]
    [InlineData("echo 'Coverage: 31%'", "20", "max", false)]
    public async Task A_figure_read_from_the_output_is_held_against_the_threshold(string command, string threshold, string? thresholdIs, bool passes)
    {
        var expected = passes ? GateStatus.Pass : GateStatus.Fail;
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        List<(string, string)> settings = [("Command", command), ("FigurePattern", @"Coverage: (?<value>[\d.]+)%"), ("FigureName", "coverage"), ("FigureUnit", "%"), ("Threshold", threshold)];
        if (thresholdIs is not null) settings.Add(("ThresholdIs", thresholdIs));

        var result = await Run(dir, [.. settings]);

        Assert.Equal(expected, result.Status);
        var figure = Assert.Single(result.Figures);
        Assert.Equal(("coverage", "%", double.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture)), (figure.Name, figure.Unit, figure.Threshold!.Value));
        if (expected == GateStatus.Fail) Assert.Contains(thresholdIs == "max" ? "is above" : "is below", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_gate_without_a_command_is_a_coded_settings_error()
    {
        using var dir = new TempDirectory();

        var error = await Assert.ThrowsAsync<ReleaseException>(() => Run(dir));

        Assert.Equal("RSDK5003", error.Code);
        Assert.Contains("Command=\"…\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_pattern_that_matches_nothing_fails_rather_than_passing_unmeasured()
    {
        var rule = new FigureRule(new Regex(@"Coverage: (\d+)"), "coverage", "%", 85, false);

        var outcome = CommandOutcome.Evaluate("x", new GateProcessResult(0, "nothing here\n", "", false, null), rule, 10);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("the output has no coverage (FigurePattern matched nothing)", outcome.Summary);
        Assert.Equal("Make the command print the figure, or correct FigurePattern.", outcome.Remedy);
    }

    [Fact]
    public void A_command_that_cannot_start_or_times_out_fails_with_the_reason()
    {
        var rule = new FigureRule(null, "x", "", null, false);

        var notStarted = CommandOutcome.Evaluate("lint", new GateProcessResult(null, "", "", false, "/bin/sh could not be started: No such file"), rule, 10);
        var timedOut = CommandOutcome.Evaluate("lint", new GateProcessResult(null, "partial\n", "", true, null), rule, 10);

        Assert.Equal((GateStatus.Fail, "could not run: /bin/sh could not be started: No such file"), (notStarted.Status, notStarted.Summary));
        Assert.Equal((GateStatus.Fail, "timed out; the command was stopped"), (timedOut.Status, timedOut.Summary));
        Assert.Equal("partial", timedOut.Findings[0].Message);
    }
}
