using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Report;

/// <summary>
/// release-gates.json, schema version <see cref="GateReport.SchemaVersion"/> (docs/gates-report-schema.md): written
/// field by field in a fixed order so the file diffs cleanly and consumers can rely on the shape.
/// </summary>
internal static class GateReportJson
{
    public static string Write(GateReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", GateReport.SchemaVersion);
            json.WriteString("generatedAt", report.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("mode", report.Mode == GatesMode.Block ? "block" : "report");
            json.WriteBoolean("dryRun", report.DryRun);
            json.WriteString("outcome", GateLine.Status(report.Outcome));
            json.WriteBoolean("blocked", report.Blocks);
            json.WriteNumber("durationSeconds", Seconds(report.Duration));
            WriteRelease(json, report.Release);
            json.WriteStartObject("counts");
            json.WriteNumber("pass", report.Count(GateStatus.Pass));
            json.WriteNumber("warn", report.Count(GateStatus.Warn));
            json.WriteNumber("fail", report.Count(GateStatus.Fail));
            json.WriteEndObject();
            json.WriteStartArray("gates");
            foreach (var result in report.Results) WriteGate(json, result);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteRelease(Utf8JsonWriter json, GateRelease? release)
    {
        if (release is null)
        {
            json.WriteNull("release");
            return;
        }
        json.WriteStartObject("release");
        json.WriteString("version", release.Version);
        WriteOptional(json, "previousVersion", release.PreviousVersion);
        WriteOptional(json, "previousTag", release.PreviousTag);
        json.WriteString("releaseType", release.ReleaseType);
        json.WriteEndObject();
    }

    private static void WriteGate(Utf8JsonWriter json, GateResult result)
    {
        json.WriteStartObject();
        json.WriteString("name", result.Gate);
        json.WriteString("kind", result.Kind);
        json.WriteString("status", GateLine.Status(result.Status));
        json.WriteString("summary", result.Summary);
        json.WriteNumber("durationSeconds", Seconds(result.Duration));
        WriteOptional(json, "remedy", result.Remedy);
        json.WriteStartArray("figures");
        foreach (var figure in result.Figures)
        {
            json.WriteStartObject();
            json.WriteString("name", figure.Name);
            WriteNumber(json, "value", figure.Value);
            json.WriteString("unit", figure.Unit);
            if (figure.Threshold is { } threshold) WriteNumber(json, "threshold", threshold);
            else json.WriteNull("threshold");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("message", finding.Message);
            WriteOptional(json, "severity", finding.Severity);
            WriteOptional(json, "file", finding.File);
            if (finding.Line is { } line) json.WriteNumber("line", line);
            else json.WriteNull("line");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    // NaN/∞ are not JSON: a gate that measured nothing reports null rather than an unreadable file.
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, Math.Round(value, 4));
        else json.WriteNull(name);
    }

    private static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 1);
}
