using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Release.Sdk.TestKit;

namespace Release.Sdk.Notify.Tests.EndToEnd;

/// <summary>
/// smtp4dev started by the test on free loopback ports (SMTP, web API; IMAP/POP3 on free ports too, in-memory
/// database, its app data in a temp folder) and stopped with its whole process tree; started again on fresh ports when
/// one was taken after it was probed. Messages are read back through its REST API (GET /api/messages).
/// </summary>
internal sealed partial class Smtp4dev : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly ServerProcess _process;
    private readonly string _appData = Directory.CreateTempSubdirectory("rsdk-smtp4dev-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private Smtp4dev()
    {
        SmtpPort = LoopbackPorts.Free();
        WebPort = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot() };
        foreach (var arg in new[]
                 {
                     "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{WebPort}", $"--smtpport={SmtpPort}",
                     $"--imapport={LoopbackPorts.Free()}", $"--pop3port={LoopbackPorts.Free()}", "--db=", "--hostname=127.0.0.1", $"--baseappdatapath={_appData}",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        _process = new ServerProcess(start);
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    private string Api => $"http://127.0.0.1:{WebPort}/api/messages";

    private string Output => _process.Output;

    /// <summary>Starts smtp4dev and waits for its API; fails with a message saying what to do when it cannot.</summary>
    public static async Task<Smtp4dev> StartAsync()
    {
        Assert.True(IsRestored(out var version),
            $"smtp4dev {version} (dotnet tool Rnwood.Smtp4dev, pinned in .config/dotnet-tools.json) is not restored: run `dotnet tool restore` in the repository root before the tests (.ci/run does).");
        return await LoopbackPorts.RetryOnTakenPortAsync("smtp4dev", TryStartAsync);
    }

    /// <summary>
    /// smtp4dev started and answering, or null when one of its ports was taken after it was probed (then it is stopped):
    /// a taken web port ends the process; a taken SMTP (IMAP, POP3) port is only logged, before the web API answers.
    /// </summary>
    private static async Task<Smtp4dev?> TryStartAsync()
    {
        var server = new Smtp4dev();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupLimit)
        {
            if (server._process.HasExited)
            {
                var portTaken = server._process.ExitedBecausePortTaken(); // reads its output to the end
                var exitCode = server._process.ExitCode;
                var exitOutput = server.Output;
                await server.DisposeAsync();
                if (portTaken) return null;
                Assert.Fail($"smtp4dev exited with code {exitCode} before it answered:\n{exitOutput}");
            }
            try
            {
                using var response = await server._http.GetAsync(server.Api);
                if (response.IsSuccessStatusCode)
                {
                    if (!LoopbackPorts.SaysPortTaken(server.Output)) return server;
                    await server.DisposeAsync();
                    return null;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        var output = server.Output;
        await server.DisposeAsync();
        Assert.Fail($"smtp4dev did not answer on {server.Api} within {StartupLimit.TotalSeconds} s:\n{output}");
        return server;
    }

    /// <summary>The messages' summaries (subject, from, to…) once at least <paramref name="count"/> arrived, or what is there after the limit.</summary>
    public async Task<IReadOnlyList<JsonObject>> MessagesAsync(int count, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await _http.GetFromJsonAsync<JsonObject>(Api) ?? [];
            var results = (page["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (results.Count >= count || deadline.Elapsed > limit) return results;
            await Task.Delay(200);
        }
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
