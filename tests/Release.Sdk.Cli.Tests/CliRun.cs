using System.Text.Json;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

/// <summary>One in-process run of dotnet-release: exit code and both streams, with the repo history for failure messages.</summary>
internal sealed record CliRun(int ExitCode, string StdOut, string StdErr, string History)
{
    public static CliRun Of(TempGitRepo? repo, params string[] args) => With(TestEnvironment.CleanEnvironment(), repo, args);

    public static CliRun With(IReadOnlyDictionary<string, string?> environment, TempGitRepo? repo, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = Program.Run(args, stdout, stderr, environment);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString(), repo?.Dump() ?? "(no repository)");
    }

    public CliRun ShouldExit(int expected)
    {
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}\n{this}");
        return this;
    }

    public JsonElement Json()
    {
        ShouldExit(0);
        using var document = JsonDocument.Parse(StdOut);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"--- stdout\n{StdOut}--- stderr\n{StdErr}--- history\n{History}";
}
