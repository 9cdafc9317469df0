namespace Release.Sdk.Deploy.Adapters.Workloads;

/// <summary>
/// How instances run. <paramref name="StateDirectory"/> gets instances/NAME.json (pid, port, version; read by any other
/// process) and instances/NAME.log (the instance's stdout and stderr).
/// </summary>
internal sealed record LocalProcessWorkloadOptions(string StateDirectory)
{
    /// <summary>The app's assembly name; needed only when the publish directory holds more than one app.</summary>
    public string? AppName { get; init; }

    /// <summary>Extra environment for every instance.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra environment per (group, version), applied after <see cref="Environment"/>.</summary>
    public Func<string, string, IReadOnlyDictionary<string, string>>? EnvironmentFor { get; init; }

    /// <summary>Between SIGTERM and SIGKILL (ASP.NET Core's own shutdown timeout is 30 s by default; in-flight requests are already drained by the router).</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);
}
