using System.Net.Http.Json;
using System.Security.Cryptography;
using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Engine.Diagnostics;

using Release.Sdk.Router;

namespace Release.Sdk.Deploy.Adapters.Routing;

/// <summary>The router process recorded by whoever started it (pid + kernel start time), so `down` can stop it safely.</summary>
internal sealed record LocalRouterProcess(int Pid, string StartTime)
{
    public const string FileName = "router.process.json";
    public const string InfoFileName = "router.json";
    public const string TokenFileName = "router.token";
    public const string LogFileName = "router.log";

    public ProcessIdentity Identity => new(Pid, StartTime);

    /// <summary>
    /// Attaches to the router of <paramref name="options"/>' state directory, or starts it. A lock file serialises two
    /// deploy commands racing to start it. Returns the admin client and the router's addresses.
    /// </summary>
    public static async Task<(HttpClient Admin, AdminContracts.RouterInfo Info)> EnsureRunningAsync(LocalRouterOptions options, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(directory);
        await using var gate = await FileLock.AcquireAsync(Path.Combine(directory, "router.lock"), cancellationToken);

        var tokenFile = Path.Combine(directory, TokenFileName);
        if (!File.Exists(tokenFile)) StateFile.WriteSecret(tokenFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        var token = (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim();

        var existing = await TryAttachAsync(directory, token, cancellationToken);
        if (existing is not null) return existing.Value;

        var router = ResolveRouter(options.RouterPath, AppContext.BaseDirectory);
        var infoFile = Path.Combine(directory, InfoFileName);
        File.Delete(infoFile);
        var log = Path.Combine(directory, LogFileName);
        var identity = DetachedProcess.Start(DotnetHost.Path,
            [router, "--state-dir", directory, "--token-file", tokenFile, "--proxy-url", options.ProxyUrl,
             "--health-path", options.HealthPath, "--health-interval", $"{options.HealthInterval.TotalMilliseconds:0}ms",
             "--health-timeout", $"{options.HealthTimeout.TotalMilliseconds:0}ms"],
            log, directory);
        StateFile.Write(Path.Combine(directory, FileName), new LocalRouterProcess(identity.Pid, identity.StartTime), AdaptersJson.Default.LocalRouterProcess);

        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (StateFile.Read(infoFile, AdaptersJson.Default.RouterInfo) is { } info && info.Pid == identity.Pid)
                return (CreateAdminClient(info, token), info);
            if (!identity.IsAlive()) break;
            await Task.Delay(50, cancellationToken);
        }
        await identity.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        throw new ReleaseException(DiagnosticCatalog.RouterStartFailed,
            $"The local router did not start within {options.StartTimeout.TotalSeconds:0} s (proxy URL {options.ProxyUrl}). " +
            $"Check that the proxy port is free and see {log}:\n{DetachedProcess.Tail(log)}");
    }

    /// <summary>Stops the router (admin shutdown, then SIGTERM/SIGKILL by recorded identity); a no-op when none runs.</summary>
    public static async Task<bool> StopAsync(string stateDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(stateDirectory);
        var recorded = StateFile.Read(Path.Combine(directory, FileName), AdaptersJson.Default.LocalRouterProcess);
        if (recorded is null || !recorded.Identity.IsAlive()) return false;
        var tokenFile = Path.Combine(directory, TokenFileName);
        if (File.Exists(tokenFile) && StateFile.Read(Path.Combine(directory, InfoFileName), AdaptersJson.Default.RouterInfo) is { } info)
        {
            using var admin = CreateAdminClient(info, (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim());
            try
            {
                (await admin.PostAsync("admin/shutdown", null, cancellationToken)).Dispose();
            }
            catch (HttpRequestException)
            {
                // Not answering: the signals below stop it.
            }
        }
        await recorded.Identity.StopAsync(TimeSpan.FromSeconds(10), cancellationToken);
        File.Delete(Path.Combine(directory, FileName));
        return true;
    }

    /// <summary>The recorded router process with this pid is still running.</summary>
    public static bool IsRunning(string stateDirectory, int pid) =>
        StateFile.Read(Path.Combine(Path.GetFullPath(stateDirectory), FileName), AdaptersJson.Default.LocalRouterProcess) is { } recorded
        && recorded.Pid == pid && recorded.Identity.IsAlive();

    private static async Task<(HttpClient, AdminContracts.RouterInfo)?> TryAttachAsync(string directory, string token, CancellationToken cancellationToken)
    {
        var recorded = StateFile.Read(Path.Combine(directory, FileName), AdaptersJson.Default.LocalRouterProcess);
        var info = StateFile.Read(Path.Combine(directory, InfoFileName), AdaptersJson.Default.RouterInfo);
        if (recorded is null || info is null || info.Pid != recorded.Pid || !recorded.Identity.IsAlive()) return null;
        var admin = CreateAdminClient(info, token);
        try
        {
            var live = await admin.GetFromJsonAsync("admin/info", AdaptersJson.Default.RouterInfo, cancellationToken);
            if (live?.Pid == info.Pid) return (admin, info);
        }
        catch (HttpRequestException)
        {
        }
        admin.Dispose();
        return null;
    }

    private static HttpClient CreateAdminClient(AdminContracts.RouterInfo info, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(info.AdminUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    internal static string ResolveRouter(string? configured, string baseDirectory)
    {
        string[] candidates =
        [
            configured ?? "",
            Environment.GetEnvironmentVariable("RSDK_ROUTER_PATH") ?? "",
            Path.Combine(baseDirectory, "router", "Release.Sdk.Router.dll"),
            Path.Combine(baseDirectory, "Release.Sdk.Router.dll"),
        ];
        return candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c)) is { } found
            ? Path.GetFullPath(found)
            : throw new ReleaseException(DiagnosticCatalog.RouterNotFound,
                $"Release.Sdk.Router.dll was not found (looked at: {string.Join(", ", candidates.Where(c => c.Length > 0))}). " +
                "Reinstall the Release.Sdk package, or point RSDK_ROUTER_PATH at the router's dll.");
    }
}
