using Release.Sdk.Gates.Framework;
using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Gates.Tests.BuiltIn;

/// <summary>Builds GateContexts for the built-in gates' tests: real process runner for sample runs, a recording fake for unit tests.</summary>
internal static class GateHarness
{
    public static GateContext Context(string root, string project, IReadOnlyDictionary<string, string>? settings = null,
        IGateProcessRunner? runner = null, ITestOutputHelper? output = null, IReadOnlyDictionary<string, string?>? environment = null,
        GateRelease? release = null)
    {
        var env = TestEnvironment.CleanEnvironment();
        // Samples must not reuse build servers left by other tests, nor leave any behind.
        env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["UseSharedCompilation"] = "false";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>()) env[k] = v;
        return new GateContext(root, project,
            new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
            env, Path.Combine(root, "obj", "release-gates", Path.GetFileNameWithoutExtension(project)), release,
            runner ?? new ProcessGateRunner(), line => Log(output, line));
    }

    private static void Log(ITestOutputHelper? output, string line)
    {
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test finished (a class fixture logs after it): nothing to write to.
        }
    }

    /// <summary>Prints a result, so a failing assertion shows what the gate said.</summary>
    public static void Print(ITestOutputHelper output, GateResult result)
    {
        output.WriteLine($"{result.Gate} [{result.Kind}] {result.Status}: {result.Summary} ({result.Duration.TotalSeconds:0.0}s)");
        foreach (var f in result.Figures) output.WriteLine($"  figure {f.Name} = {f.Value} {f.Unit} (threshold {f.Threshold})");
        foreach (var f in result.Findings) output.WriteLine($"  finding {f.Severity} {f.Rule} {f.File}:{f.Line} {f.Message}");
        if (result.Remedy is not null) output.WriteLine($"  remedy: {result.Remedy}");
    }
}
