using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>Writes the managed haproxy.cfg once, starts HAProxy detached and finds it again from the state file.</summary>
internal static class HaproxyProcess
{
    public const string ConfigFileName = "haproxy.cfg";
    public const string StateFileName = "haproxy-state.json";
    public const string LogFileName = "haproxy.log";

    public static string StatePath(HaproxyRouterOptions options) => Path.Combine(Path.GetFullPath(options.StateDirectory), StateFileName);

    public static HaproxyState ReadState(HaproxyRouterOptions options) =>
        StateFile.Read(StatePath(options), AdaptersJson.Default.HaproxyState) ?? new HaproxyState();

    public static void WriteState(HaproxyRouterOptions options, HaproxyState state) =>
        StateFile.Write(StatePath(options), state, AdaptersJson.Default.HaproxyState);

    public static bool IsRunning(HaproxyRouterOptions options)
    {
        var state = ReadState(options);
        return state.Pid != 0 && new ProcessIdentity(state.Pid, state.StartTime).IsAlive();
    }

    /// <summary>Returns a runtime API to a running HAProxy; the bool says whether it was just started (its servers must be restored).</summary>
    public static async Task<(HaproxyRuntimeApi Api, bool Started)> EnsureRunningAsync(HaproxyRouterOptions options, CancellationToken cancellationToken)
    {
        if (options.RuntimeSocket is { } socket)
        {
            var attached = new HaproxyRuntimeApi(socket);
            await attached.SendAsync("show info", cancellationToken);
            return (attached, false);
        }

        var state = ReadState(options);
        if (state.Pid != 0 && new ProcessIdentity(state.Pid, state.StartTime).IsAlive() && await AnswersAsync(state.SocketPath, cancellationToken))
            return (new HaproxyRuntimeApi(state.SocketPath), false);

        var directory = Path.GetFullPath(options.StateDirectory);
        var haproxy = ResolveHaproxy(options.HaproxyPath);
        var config = Path.Combine(directory, ConfigFileName);
        if (!File.Exists(config) || state.Port == 0)
        {
            state = state with
            {
                Port = options.Port != 0 ? options.Port : FreePort.Next(),
                MetricsPort = options.MetricsPort != 0 ? options.MetricsPort : FreePort.Next(),
                SocketPath = SocketPathFor(directory),
            };
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(config, HaproxyConfig.Render(options, state.SocketPath, state.Port, state.MetricsPort), cancellationToken);
            await CheckConfigAsync(haproxy, config, cancellationToken);
        }

        File.Delete(state.SocketPath);
        var log = Path.Combine(directory, LogFileName);
        var identity = DetachedProcess.Start(haproxy, ["-f", config], log, directory);
        state = state with { Pid = identity.Pid, StartTime = identity.StartTime };
        WriteState(options, state);

        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (DateTime.UtcNow < deadline && identity.IsAlive())
        {
            if (await AnswersAsync(state.SocketPath, cancellationToken)) return (new HaproxyRuntimeApi(state.SocketPath), true);
            await Task.Delay(50, cancellationToken);
        }
        await identity.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        throw new ReleaseException(DiagnosticCatalog.HaproxyStartFailed,
            $"HAProxy ({haproxy} -f {config}) did not start or its runtime API ({state.SocketPath}) did not answer within {options.StartTimeout.TotalSeconds:0} s. " +
            $"Check that ports {state.Port} and {state.MetricsPort} are free and see {log}:\n{DetachedProcess.Tail(log)}");
    }

    /// <summary>`deploy down` for HAProxy: stops the managed process (SIGTERM, then SIGKILL); false when none was running.</summary>
    public static async Task<bool> StopAsync(HaproxyRouterOptions options, CancellationToken cancellationToken)
    {
        var state = ReadState(options);
        var identity = new ProcessIdentity(state.Pid, state.StartTime);
        if (state.Pid == 0 || !identity.IsAlive()) return false;
        await identity.StopAsync(TimeSpan.FromSeconds(5), cancellationToken);
        WriteState(options, state with { Pid = 0, StartTime = "" });
        return true;
    }

    public static string ResolveHaproxy(string? configured)
    {
        string[] candidates = [configured ?? "", Environment.GetEnvironmentVariable("HAPROXY_PATH") ?? "", "/usr/sbin/haproxy", "/usr/local/sbin/haproxy"];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, "haproxy"));
        return candidates.Concat(onPath).FirstOrDefault(c => c.Length > 0 && File.Exists(c))
            ?? throw new ReleaseException(DiagnosticCatalog.HaproxyNotFound,
                "haproxy was not found (HAPROXY_PATH, /usr/sbin/haproxy, PATH). Install it (Debian/Ubuntu: apt-get install haproxy; 2.6 or later) or use ReleaseDeployTarget=local.");
    }

    private static async Task<bool> AnswersAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (socketPath.Length == 0 || !File.Exists(socketPath)) return false;
        try
        {
            return (await new HaproxyRuntimeApi(socketPath).SendAsync("show info", cancellationToken)).Contains("Pid:", StringComparison.Ordinal);
        }
        catch (ReleaseException)
        {
            return false;
        }
    }

    private static async Task CheckConfigAsync(string haproxy, string config, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(haproxy) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", "-q", "-f", config }) start.ArgumentList.Add(a);
        using var check = Process.Start(start)!;
        var output = await check.StandardError.ReadToEndAsync(cancellationToken) + await check.StandardOutput.ReadToEndAsync(cancellationToken);
        await check.WaitForExitAsync(cancellationToken);
        if (check.ExitCode != 0)
            throw new ReleaseException(DiagnosticCatalog.HaproxyStartFailed, $"HAProxy rejected the generated {config}: {output.Trim()}. HAProxy 2.6 or later with the Prometheus exporter is needed.");
    }

    /// <summary>Unix socket paths are limited to 107 bytes; fall back to a short temp path derived from the state directory.</summary>
    private static string SocketPathFor(string directory)
    {
        var inside = Path.Combine(directory, "haproxy.sock");
        if (Encoding.UTF8.GetByteCount(inside) < 100) return inside;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..16].ToLowerInvariant();
        return Path.Combine(Path.GetTempPath(), $"rsdk-haproxy-{hash}.sock");
    }
}
