using System.Text.RegularExpressions;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tooling;

/// <summary>Turns a tool run that went wrong into the reason a gate reports: could not start, timed out, or its error lines.</summary>
internal static partial class ToolFailure
{
    /// <summary>MSBuild's canonical error format: "file(line,col): error CODE: message [project]".</summary>
    [GeneratedRegex(@"^(?<origin>.*?)(\((?<line>\d+)(,\d+)?\))?\s*:\s*error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(\s+\[[^\]]*\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex MSBuildError();

    /// <summary>The distinct MSBuild/compiler errors in a tool's output, first ones first.</summary>
    public static IReadOnlyList<GateFinding> MSBuildErrors(string output, int max = 10)
    {
        var findings = new List<GateFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in MSBuildError().Matches(output))
        {
            var origin = m.Groups["origin"].Value.Trim();
            var line = m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            var finding = new GateFinding(m.Groups["code"].Value, m.Groups["message"].Value.Trim(),
                origin.Length == 0 ? null : origin, line, "error");
            if (seen.Add($"{finding.Rule}|{finding.File}|{finding.Line}|{finding.Message}")) findings.Add(finding);
            if (findings.Count == max) break;
        }
        return findings;
    }

    /// <summary>Why the process did not produce a usable run, or null when it ran to an exit code.</summary>
    public static string? NotRun(string tool, GateProcessResult result) =>
        result.StartFailure is not null ? result.StartFailure
        : result.TimedOut ? $"{tool} did not finish within the gate's time limit and was stopped"
        : null;

    /// <summary>The last non-empty lines of a tool's output, for a failure whose errors are not in MSBuild's format.</summary>
    public static string Tail(GateProcessResult result, int lines = 5)
    {
        var all = (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", all.TakeLast(lines));
    }
}
