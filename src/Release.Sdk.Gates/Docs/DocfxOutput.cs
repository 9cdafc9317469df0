using System.Globalization;
using System.Text.RegularExpressions;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Docs;

/// <summary>
/// Reads docfx's console output: its closing counts ("    2 warning(s)" / "    0 error(s)") and its messages
/// ("index.md(3,1): warning InvalidFileLink: …", "error: FatalError: …"). Pure, so it is tested on recorded output.
/// </summary>
internal static partial class DocfxOutput
{
    /// <summary>Findings listed in the report: the first ones are what a writer fixes first; the rest are in docfx.log.</summary>
    private const int MaxFindings = 50;

    public static (GateStatus Status, string Summary, IReadOnlyList<GateFigure> Figures, IReadOnlyList<GateFinding> Findings, string? Remedy)
        Evaluate(GateProcessResult run, bool warningsAsErrors, string config)
    {
        if (run.StartFailure is not null)
        {
            return (GateStatus.Fail, $"could not run docfx: {run.StartFailure}", [], [new GateFinding("start", run.StartFailure)],
                "Install the .NET SDK's `dotnet` on PATH and run `dotnet tool restore` (docfx is pinned in .config/dotnet-tools.json).");
        }
        if (run.TimedOut)
        {
            return (GateStatus.Fail, "docfx timed out and was stopped", [], [], "Raise the docs gate's Timeout metadata, or make the docs build faster.");
        }

        var output = run.StandardOutput + "\n" + run.StandardError;
        var findings = Messages(output).Take(MaxFindings).ToList();
        var warnings = Count(WarningCount(), output) ?? findings.Count(f => f.Severity == "warning");
        var errors = Count(ErrorCount(), output) ?? findings.Count(f => f.Severity == "error");
        List<GateFigure> figures = [new("warnings", warnings, "", warningsAsErrors ? 0 : null), new("errors", errors, "", 0)];
        var counts = $"{warnings} warning(s), {errors} error(s)";

        if (run.ExitCode == 0)
        {
            // Warnings that do not fail the build are still worth a look: a broken link ships otherwise.
            return warnings > 0
                ? (GateStatus.Warn, $"docs built with {counts}", figures, findings, "Fix the broken links and references docfx lists (docfx.log).")
                : (GateStatus.Pass, $"docs built, {counts}", figures, findings, null);
        }

        if (findings.Count == 0 && LastLine(output) is { } last) findings.Add(new GateFinding("docfx", last, Severity: "error"));
        if (IsToolMissing(output))
        {
            return (GateStatus.Fail, "could not run docfx: the tool is not restored", figures, findings,
                "Run `dotnet tool restore` (docfx 2.81.0 is pinned in .config/dotnet-tools.json); in CI add it before the release step.");
        }
        var why = errors == 0 && warnings > 0 && warningsAsErrors ? $"{counts} (warnings are errors)" : counts;
        return (GateStatus.Fail, $"docs build failed: {why}", figures, findings,
            $"Fix what docfx reports for {config} (the findings, or docfx.log in the gate's folder); set WarningsAsErrors=false only to accept broken links deliberately.");
    }

    private static IEnumerable<GateFinding> Messages(string output)
    {
        foreach (Match match in Message().Matches(output))
        {
            var line = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : (int?)null;
            var file = match.Groups["file"].Value.Trim();
            yield return new GateFinding(match.Groups["code"].Value, match.Groups["message"].Value.Trim(),
                file.Length == 0 ? null : file, line, match.Groups["severity"].Value);
        }
    }

    private static int? Count(Regex pattern, string output)
    {
        var match = pattern.Match(output);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsToolMissing(string output) =>
        output.Contains("Cannot find a tool in the manifest file", StringComparison.OrdinalIgnoreCase)
        || output.Contains("is not currently installed", StringComparison.OrdinalIgnoreCase)
        || output.Contains("Run \"dotnet tool restore\"", StringComparison.OrdinalIgnoreCase);

    private static string? LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    [GeneratedRegex(@"^\s*(\d+) warning\(s\)\s*$", RegexOptions.Multiline)]
    private static partial Regex WarningCount();

    [GeneratedRegex(@"^\s*(\d+) error\(s\)\s*$", RegexOptions.Multiline)]
    private static partial Regex ErrorCount();

    // "path(3,1): warning Code: text", "path: warning Code: text" or "error: FatalError: text" (the file part is optional).
    [GeneratedRegex(@"^(?:(?<file>[^\r\n]*?)(?:\((?<line>\d+),\d+\))?: )?(?<severity>warning|error):? (?<code>[A-Za-z][\w.]*): (?<message>[^\r\n]*)$", RegexOptions.Multiline)]
    private static partial Regex Message();
}
