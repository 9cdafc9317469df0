using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Release.Sdk.Cli;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Deploy.E2E;

/// <summary>
/// One state directory with its own router on a fixed free port. Deploys run dotnet-release in-process
/// (<see cref="Cli"/>) or as a child process (<see cref="StartCli"/>); Dispose runs 'deploy down' so no router or
/// instance outlives the test.
/// </summary>
internal sealed class DeployFixture : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly List<Process> _children = [];

    public DeployFixture(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(StateDirectory);
        // The router is started by the deploys under test, in their own way: a lost race fails the test, not worth retrying.
        ProxyPort = LoopbackPorts.Free();
    }

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "rsdk-deploy-e2e", Guid.NewGuid().ToString("N")[..12]);
    public int ProxyPort { get; }
    public Uri Address => new($"http://127.0.0.1:{ProxyPort}/");
    public JournalFiles Files => new(StateDirectory);

    public static string AppDirectory =>
        typeof(DeployFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DeployWebOutput").Value!;

    /// <summary>A plan of samples/deploy-web at <paramref name="version"/> with test-sized (seconds) analysis settings.</summary>
    public string WritePlan(string version, string strategy, JsonObject? extra = null)
    {
        var plan = new JsonObject
        {
            ["app"] = "deploy-web", ["version"] = version, ["publishDir"] = AppDirectory, ["strategy"] = strategy,
            ["target.appName"] = "deploy-web", ["router.proxyUrl"] = Address.ToString().TrimEnd('/'),
            ["healthTimeout"] = "30s", ["drainTimeout"] = "5s", ["pollInterval"] = "200ms",
            ["analysis.interval"] = "3s", ["analysis.samplePeriod"] = "500ms", ["analysis.minSamples"] = "4", ["analysis.minRequests"] = "5",
            ["canary.weights"] = "50;100", ["canary.firstAnalysis"] = "8s", ["canary.stepAnalysis"] = "2s",
        };
        foreach (var (key, value) in extra ?? []) plan[key] = value?.DeepClone();
        var path = Path.Combine(StateDirectory, $"plan-{version}.json");
        File.WriteAllText(path, plan.ToJsonString());
        return path;
    }

    public (int ExitCode, string Output) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Program.Run([.. args, "--state-dir", StateDirectory], stdout, stderr, new Dictionary<string, string?>());
        var output = stdout + stderr.ToString();
        _output.WriteLine($"$ dotnet-release {string.Join(' ', args)}  → {exit}\n{output}");
        return (exit, output);
    }

    /// <summary>dotnet-release in a child process (output to a file), to be killed like a real deploy process.</summary>
    public Process StartCli(params string[] args)
    {
        var log = Path.Combine(StateDirectory, $"child-{_children.Count}.log");
        var start = new ProcessStartInfo(Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? Environment.ProcessPath : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dotnet-release.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var arg in (string[])["--state-dir", StateDirectory, "--log", log]) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _children.Add(process);
        return process;
    }

    public DeployJournal WaitForJournal(Func<DeployJournal, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Files.TryRead() is { } journal && condition(journal)) return journal;
            Thread.Sleep(100);
        }
        throw new Xunit.Sdk.XunitException($"The journal did not reach the expected state within {timeout}:\n{(File.Exists(Files.JournalPath) ? File.ReadAllText(Files.JournalPath) : "(no journal)")}\n{ChildLogs()}");
    }

    public string ChildLogs() => string.Join('\n', Directory.GetFiles(StateDirectory, "child-*.log").Select(f => $"--- {f}\n{File.ReadAllText(f)}"));

    public void Dispose()
    {
        foreach (var child in _children)
            if (!child.HasExited) child.Kill(entireProcessTree: true);
        Cli("deploy", "down");
        _output.WriteLine(ChildLogs());
        foreach (var child in _children) child.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
