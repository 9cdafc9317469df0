using Release.Sdk.Deploy.Hooks;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Tests.Fakes;

internal sealed class FakeHooks(List<string> log) : IHookRunner
{
    public bool FailSmoke { get; init; }
    public bool FailMigration { get; init; }

    public Task<HookResult> RunCommandAsync(string command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        log.Add($"command {command}");
        return Task.FromResult(new HookResult(!FailMigration, FailMigration ? "exit 1" : "exit 0"));
    }

    public Task<HookResult> SmokeTestAsync(SmokeTest test, BackendInstance instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        log.Add($"smoke {instance.Name} {test.Describe()}");
        return Task.FromResult(new HookResult(!FailSmoke, FailSmoke ? "503" : "200"));
    }
}
