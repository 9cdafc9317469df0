using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Tasks;

/// <summary>
/// Turns dotnet-release's standard error, its coded diagnostics (<c>error RSDK4103: message (help link)</c>, possibly
/// followed by lines of a hook's output), into MSBuild errors and warnings with their code and help link, and fails
/// when the process failed. Exec's own parsing would prefix them with "EXEC :", cut multi-line messages, and with
/// IgnoreExitCode not fail the target (so ReleaseFail would not run).
/// </summary>
public sealed partial class ReleaseReportCliResult : ReleaseTask
{
    public int ExitCode { get; set; }

    /// <summary>The file the process's standard error went to.</summary>
    [Required] public string ErrorFile { get; set; } = "";

    /// <summary>The run's <c>--result-file</c> (absent when the process could not write it).</summary>
    public string? ResultFile { get; set; }

    /// <summary>The run released, or completed a release an earlier run had pushed: the publish and success targets run.</summary>
    [Output] public bool Released { get; private set; }

    [Output] public string? ReleasedVersion { get; private set; }
    [Output] public string? ReleasedTag { get; private set; }

    /// <summary>The release's web page when a publish plugin made one (the GitHub release), else empty.</summary>
    [Output] public string? ReleaseUrl { get; private set; }

    protected override void ExecuteCore()
    {
        ReadResult();
        var lines = File.Exists(ErrorFile) ? File.ReadAllLines(ErrorFile) : [];
        var errors = 0;
        foreach (var (severity, code, message) in Diagnostics(lines))
        {
            var descriptor = DiagnosticCatalog.All.FirstOrDefault(d => d.Code == code) ?? DiagnosticCatalog.InternalError with { Code = code };
            Report(descriptor with { Severity = severity }, message);
            if (severity == Severity.Error) errors++;
        }
        if (ExitCode != 0 && errors == 0)
        {
            throw new ReleaseException(DiagnosticCatalog.InternalError,
                $"dotnet-release exited with code {ExitCode} without a coded error. Its error output: {string.Join("\n", lines).Trim()} Please report this.");
        }
    }

    protected override void ApplyDesignTimeFallback() { }

    private void ReadResult()
    {
        if (string.IsNullOrEmpty(ResultFile) || !File.Exists(ResultFile)) return;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ResultFile));
            var root = document.RootElement;
            string? Text(System.Text.Json.JsonElement parent, string name) =>
                parent.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
            Released = root.TryGetProperty("released", out var released) && released.ValueKind == System.Text.Json.JsonValueKind.True;
            ReleasedVersion = Text(root, "version");
            ReleasedTag = Text(root, "tag");
            ReleaseUrl = root.TryGetProperty("outputs", out var outputs) ? Text(outputs, "release-url") : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            Log.LogMessage(MessageImportance.High, "Release.Sdk: the release run's result file {0} is not valid JSON ({1}); the publish and success targets will not run.", ResultFile, e.Message);
        }
    }

    private static IEnumerable<(Severity Severity, string Code, string Message)> Diagnostics(string[] lines)
    {
        (Severity Severity, string Code, List<string> Lines)? current = null;
        foreach (var line in lines)
        {
            var match = DiagnosticLine().Match(line);
            if (match.Success)
            {
                if (current is { } done) yield return (done.Severity, done.Code, Text(done.Lines));
                var severity = match.Groups["label"].Value switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Message };
                current = (severity, match.Groups["code"].Value, [match.Groups["message"].Value]);
            }
            else
            {
                current?.Lines.Add(line);
            }
        }
        if (current is { } last) yield return (last.Severity, last.Code, Text(last.Lines));
    }

    // The help link goes into the diagnostic's HelpLink rather than its text.
    private static string Text(List<string> lines) => HelpLinkSuffix().Replace(string.Join("\n", lines).TrimEnd(), "");

    [GeneratedRegex(@"^(?<label>error|warning|info) (?<code>RSDK\d{4}): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"\s*\(https?://\S+/RSDK\d{4}\.md\)$")]
    private static partial Regex HelpLinkSuffix();
}
