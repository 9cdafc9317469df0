using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Hooks;

/// <summary>The outcome of a hook: passed or not, and what was seen (status code, exit code and output tail).</summary>
internal sealed record HookResult(bool Passed, string Detail);

/// <summary>Runs smoke tests and the migration command (real HTTP and processes; a fake in the state machine's tests).</summary>
internal interface IHookRunner
{
    Task<HookResult> RunCommandAsync(string command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken);

    Task<HookResult> SmokeTestAsync(SmokeTest test, BackendInstance instance, TimeSpan timeout, CancellationToken cancellationToken);
}
