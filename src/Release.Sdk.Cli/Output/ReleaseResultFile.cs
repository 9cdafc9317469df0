using System.Text.Encodings.Web;
using System.Text.Json;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.Output;

/// <summary>
/// <c>--result-file</c>: how the run ended, for the MSBuild targets (whether ReleasePublish/ReleaseSuccess run, and
/// with which version) and for scripts: <c>{"outcome": "released|planned|no-release|skipped|failed", "released": bool,
/// "resumed": bool, "version", "tag", "previousVersion", "channel", "error", "outputs": {…}}</c>. A resumed run (one that
/// completed an earlier run's release) counts as released: its publish steps ran now.
/// </summary>
internal static class ReleaseResultFile
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, ReleaseRunResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("outcome", Name(result.Outcome));
            json.WriteBoolean("released", result.Outcome == ReleaseOutcome.Released);
            json.WriteBoolean("resumed", result.Resumed);
            WriteString(json, "version", result.Plan?.Version);
            WriteString(json, "tag", result.Plan?.Tag);
            WriteString(json, "previousVersion", result.Plan?.PreviousVersion);
            WriteString(json, "channel", result.Plan?.Channel);
            WriteString(json, "reason", result.Reason);
            WriteString(json, "error", result.Error is { } e ? $"{e.Descriptor.Code}: {e.Message}" : null);
            json.WriteStartObject("outputs");
            foreach (var (key, value) in result.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal)) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, buffer.ToArray());
    }

    public static string Name(ReleaseOutcome outcome) => outcome switch
    {
        ReleaseOutcome.Released => "released",
        ReleaseOutcome.Planned => "planned",
        ReleaseOutcome.NoRelease => "no-release",
        ReleaseOutcome.Skipped => "skipped",
        ReleaseOutcome.Failed => "failed",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }
}
