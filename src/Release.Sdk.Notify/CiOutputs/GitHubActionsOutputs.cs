using System.Text;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Notify.CiOutputs;

/// <summary>
/// Writes a release run's outcome for the rest of a GitHub Actions job: step outputs in <c>$GITHUB_OUTPUT</c>
/// (<c>released</c>, <c>version</c>, <c>tag</c>, <c>release-url</c>, <c>notes</c>) and Markdown in
/// <c>$GITHUB_STEP_SUMMARY</c>. Values with line breaks use the multiline form GitHub documents
/// (<c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c>) with a random delimiter that the value cannot contain.
/// Active only when <c>GITHUB_ACTIONS=true</c>; a file that cannot be written is a warning (RSDK6504).
/// </summary>
internal static class GitHubActionsOutputs
{
    public static bool IsActive(IReadOnlyDictionary<string, string?> environment) =>
        Variable(environment, "GITHUB_ACTIONS") == "true" && (Variable(environment, "GITHUB_OUTPUT") is not null || Variable(environment, "GITHUB_STEP_SUMMARY") is not null);

    /// <summary>One output in GitHub's file-command syntax.</summary>
    public static string Format(string name, string value)
    {
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains('\n', StringComparison.Ordinal) || name.Contains('\r', StringComparison.Ordinal))
            throw new ArgumentException($"An output name cannot contain '=' or a line break: {name}", nameof(name));
        if (!value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal)) return $"{name}={value}\n";
        string delimiter;
        do delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        while (value.Contains(delimiter, StringComparison.Ordinal));
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal);
        return $"{name}<<{delimiter}\n{text}{(text.EndsWith('\n') ? "" : "\n")}{delimiter}\n";
    }

    /// <summary>Appends outputs and summary Markdown to the runner's files; returns the warnings (empty when all went well or nothing applies).</summary>
    public static IReadOnlyList<Diagnostic> Write(IReadOnlyDictionary<string, string?> environment, IEnumerable<KeyValuePair<string, string>> outputs, string summaryMarkdown)
    {
        var warnings = new List<Diagnostic>();
        if (!IsActive(environment)) return warnings;
        if (Variable(environment, "GITHUB_OUTPUT") is { } outputFile)
        {
            var text = new StringBuilder();
            foreach (var (name, value) in outputs) text.Append(Format(name, value));
            Append(outputFile, "$GITHUB_OUTPUT", text.ToString(), warnings);
        }
        if (Variable(environment, "GITHUB_STEP_SUMMARY") is { } summaryFile && summaryMarkdown.Length > 0)
            Append(summaryFile, "$GITHUB_STEP_SUMMARY", summaryMarkdown.TrimEnd('\n') + "\n\n", warnings);
        return warnings;
    }

    /// <summary>For runs that released nothing (no release due, dry run, skipped, failed): <c>released=false</c> and a one-line summary.</summary>
    public static IReadOnlyList<Diagnostic> WriteNotReleased(IReadOnlyDictionary<string, string?> environment, string why) =>
        Write(environment,
            [new("released", "false"), new("version", ""), new("tag", ""), new("release-url", "")],
            $"### No release\n\n{why}\n");

    private static void Append(string path, string name, string text, List<Diagnostic> warnings)
    {
        try
        {
            File.AppendAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            warnings.Add(new Diagnostic(DiagnosticCatalog.CiOutputWriteFailed,
                $"Could not append the release outputs to {name} ({path}): {e.Message}. The release itself is done; check that the runner's file is writable (container jobs: run as a user that can write it)."));
        }
    }

    private static string? Variable(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
