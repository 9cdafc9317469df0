using System.Diagnostics;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Hooks;

/// <summary>Commands through the platform shell (sh -c / cmd /c) with a timeout; HTTP checks straight to an instance, not through the router.</summary>
internal sealed class HookRunner(HttpClient http) : IHookRunner
{
    private const int OutputTail = 2000;

    public async Task<HookResult> RunCommandAsync(string command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new HookResult(false, $"'{command}' did not finish within {Durations.Format(timeout)} and was killed (set ReleaseDeployHooksTimeout for more time)");
        }
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        var tail = output.Length > OutputTail ? output[^OutputTail..] : output;
        return new HookResult(process.ExitCode == 0, $"'{command}' exited {process.ExitCode}{(tail.Length > 0 ? $": {tail.Trim()}" : "")}");
    }

    public async Task<HookResult> SmokeTestAsync(SmokeTest test, BackendInstance instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (test.Command is { } command)
        {
            var environment = new Dictionary<string, string>
            {
                ["RELEASE_DEPLOY_URL"] = instance.BaseAddress.ToString(),
                ["RELEASE_DEPLOY_VERSION"] = instance.Version,
                ["RELEASE_DEPLOY_INSTANCE"] = instance.Name,
            };
            return await RunCommandAsync(command, environment, timeout, cancellationToken).ConfigureAwait(false);
        }
        var url = new Uri(instance.BaseAddress, test.Path!.TrimStart('/'));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(url, timer.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timer.Token).ConfigureAwait(false);
            var statusOk = (int)response.StatusCode == test.ExpectStatus;
            var bodyOk = test.Contains is null || body.Contains(test.Contains, StringComparison.Ordinal);
            return new HookResult(statusOk && bodyOk,
                $"GET {url} → {(int)response.StatusCode} (expected {test.ExpectStatus}{(test.Contains is null ? "" : $" and a body containing '{test.Contains}'")})");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HookResult(false, $"GET {url} failed: {e.Message}");
        }
    }
}
