using Release.Sdk.Gates.Framework;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Analysis;

/// <summary>GateContexts for the analysis gates' tests: the real process runner, a clean environment, the log kept for failure messages.</summary>
internal static class AnalysisContexts
{
    public static GateContext Create(
        string repositoryRoot,
        string projectPath,
        IReadOnlyDictionary<string, string> settings,
        GateRelease? release = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IGateProcessRunner? processes = null,
        List<string>? log = null)
    {
        var env = TestEnvironment.CleanEnvironment();
        // `dotnet test` hands its MSBuild variables to the test host; a child dotnet build must not inherit them.
        foreach (var key in env.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            env.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) env[key] = value;
        return new GateContext(
            repositoryRoot,
            projectPath,
            new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase),
            env,
            Path.Combine(repositoryRoot, "obj", "release-gates", "gate"),
            release,
            processes ?? new ProcessGateRunner(),
            line => { if (log is not null) lock (log) log.Add(line); });
    }

    /// <summary>The result as text for assertion messages: status, summary, findings, remedy.</summary>
    public static string Describe(GateResult result) =>
        $"{result.Status}: {result.Summary}\n  " + string.Join("\n  ", result.Findings.Select(f => $"[{f.Rule}] {f.Message}")) + $"\nremedy: {result.Remedy}";
}
