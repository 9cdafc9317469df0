using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

/// <summary>Records every hook command; a command starting with a scripted prefix gets that result (and side effect), others succeed silently.</summary>
internal sealed class FakeHooks : IHookRunner
{
    private readonly List<(string Prefix, HookResult Result, Action? Effect)> _scripts = [];

    public List<string> Ran { get; } = [];

    public FakeHooks On(string prefix, HookResult result, Action? effect = null)
    {
        _scripts.Add((prefix, result, effect));
        return this;
    }

    public FakeHooks Fail(string prefix, string output = "boom") => On(prefix, new HookResult(3, output, "stderr says no"));

    public HookResult Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        Ran.Add(commandLine);
        foreach (var (prefix, result, effect) in _scripts)
        {
            if (!commandLine.StartsWith(prefix, StringComparison.Ordinal)) continue;
            effect?.Invoke();
            return result;
        }
        return new HookResult(0, "", "");
    }
}
