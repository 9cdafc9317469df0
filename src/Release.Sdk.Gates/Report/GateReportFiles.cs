using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Report;

/// <summary>Where a report was written.</summary>
internal sealed record GateReportPaths(string Json, string Markdown);

/// <summary>
/// Writes release-gates.json and release-gates.md into the output folder and, on GitHub Actions
/// (GITHUB_ACTIONS=true with GITHUB_STEP_SUMMARY set), appends the Markdown to the job's step summary. A summary that
/// cannot be appended is a warning (RSDK5007): the report files are what count.
/// </summary>
internal static class GateReportFiles
{
    public const string JsonFileName = "release-gates.json";
    public const string MarkdownFileName = "release-gates.md";

    public static GateReportPaths Write(GateReport report, string outputDirectory, IReadOnlyDictionary<string, string?> environment, ICollection<Diagnostic> warnings)
    {
        var paths = new GateReportPaths(Path.Combine(outputDirectory, JsonFileName), Path.Combine(outputDirectory, MarkdownFileName));
        var markdown = GateReportMarkdown.Write(report);
        try
        {
            Directory.CreateDirectory(outputDirectory);
            File.WriteAllText(paths.Json, GateReportJson.Write(report));
            File.WriteAllText(paths.Markdown, markdown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new Diagnostic(DiagnosticCatalog.GateReportWriteFailed,
                $"The gates report could not be written to {outputDirectory} ({e.Message}); the results are in the log above. Check that the folder is writable (ReleaseGatesOutput / --output)."));
        }

        if (environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true"
            && environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && !string.IsNullOrEmpty(summary))
        {
            try
            {
                File.AppendAllText(summary, markdown + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add(new Diagnostic(DiagnosticCatalog.GateReportWriteFailed,
                    $"The gates report could not be appended to the step summary $GITHUB_STEP_SUMMARY ({e.Message}); it is in {paths.Markdown}."));
            }
        }
        return paths;
    }
}
