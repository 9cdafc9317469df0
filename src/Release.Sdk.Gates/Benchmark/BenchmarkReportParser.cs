using System.Text.Json;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Benchmark;

/// <summary>
/// Reads BenchmarkDotNet's full JSON report (JsonExporter.Full / FullCompressed: <c>*-report-full*.json</c>). Per benchmark
/// it takes, in order of strength: Statistics.OriginalValues (per-operation ns of every result iteration, overhead
/// removed), else the raw Measurements of the Workload/Result stage (Nanoseconds / Operations), else the summary
/// Statistics Mean / StandardError / N. A benchmark without Statistics (it failed to run) is listed in <c>Failed</c>.
/// </summary>
internal static class BenchmarkReportParser
{
    internal sealed record Report(IReadOnlyList<BenchmarkSample> Samples, IReadOnlyList<string> Failed);

    public static Report Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"it is not JSON ({e.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
                throw Invalid(source, "it has no \"Benchmarks\" array");

            var samples = new List<BenchmarkSample>();
            var failed = new List<string>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                var name = UniqueName(Name(benchmark, source), seen);
                var sample = Sample(benchmark, name);
                if (sample is null) failed.Add(name); else samples.Add(sample);
            }
            return new Report(samples, failed);
        }
    }

    private static string Name(JsonElement benchmark, string source) =>
        benchmark.TryGetProperty("FullName", out var fullName) && fullName.ValueKind == JsonValueKind.String
            ? fullName.GetString()!
            : throw Invalid(source, "a benchmark has no \"FullName\"");

    // The same method under two jobs appears twice with one FullName; number the repeats so both are compared.
    private static string UniqueName(string name, Dictionary<string, int> seen)
    {
        var count = seen.GetValueOrDefault(name) + 1;
        seen[name] = count;
        return count == 1 ? name : $"{name} #{count}";
    }

    private static BenchmarkSample? Sample(JsonElement benchmark, string name)
    {
        if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object) return null;

        if (statistics.TryGetProperty("OriginalValues", out var original) && original.ValueKind == JsonValueKind.Array &&
            original.GetArrayLength() > 0)
            return BenchmarkSample.FromValues(name, [.. original.EnumerateArray().Select(v => v.GetDouble())], "iterations");

        var measured = ResultIterations(benchmark);
        if (measured.Count > 0) return BenchmarkSample.FromValues(name, measured, "iterations");

        var mean = statistics.GetProperty("Mean").GetDouble();
        var n = statistics.TryGetProperty("N", out var nElement) ? nElement.GetInt32() : 1;
        var standardError = statistics.TryGetProperty("StandardError", out var se) && se.ValueKind == JsonValueKind.Number ? se.GetDouble() : double.NaN;
        var variance = n >= 2 ? standardError * standardError * n : double.NaN;
        return new BenchmarkSample(name, mean, variance, n, "mean/SE/N");
    }

    private static List<double> ResultIterations(JsonElement benchmark)
    {
        var values = new List<double>();
        if (!benchmark.TryGetProperty("Measurements", out var measurements) || measurements.ValueKind != JsonValueKind.Array) return values;
        foreach (var m in measurements.EnumerateArray())
        {
            if (m.TryGetProperty("IterationMode", out var mode) && mode.GetString() == "Workload" &&
                m.TryGetProperty("IterationStage", out var stage) && stage.GetString() == "Result" &&
                m.TryGetProperty("Operations", out var ops) && ops.GetDouble() > 0)
                values.Add(m.GetProperty("Nanoseconds").GetDouble() / ops.GetDouble());
        }
        return values;
    }

    private static ReleaseException Invalid(string source, string why) =>
        new(DiagnosticCatalog.BenchmarkReportInvalid,
            $"The benchmark report '{source}' cannot be read: {why}. Point the gate at BenchmarkDotNet's full JSON report " +
            "(run the benchmarks with '--exporters json'; the file is BenchmarkDotNet.Artifacts/results/*-report-full*.json).");
}
