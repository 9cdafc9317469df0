using System.Text.Json.Nodes;

namespace Release.Sdk.Gates.Benchmark;

/// <summary>
/// Reads one report file, or every <c>*-report-full*.json</c> under a directory (one BenchmarkDotNet run writes one file per
/// benchmark class), and writes the merged run as one report in BenchmarkDotNet's shape, to serve as the next baseline.
/// </summary>
internal static class BenchmarkReports
{
    public static IReadOnlyList<string> Files(string path) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? [.. Directory.EnumerateFiles(path, "*-report-full*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : [];

    public static BenchmarkReportParser.Report Read(IReadOnlyList<string> files)
    {
        var samples = new List<BenchmarkSample>();
        var failed = new List<string>();
        foreach (var file in files)
        {
            var report = BenchmarkReportParser.Parse(File.ReadAllText(file), file);
            samples.AddRange(report.Samples);
            failed.AddRange(report.Failed);
        }
        return new BenchmarkReportParser.Report(samples, failed);
    }

    public static void WriteMerged(IReadOnlyList<string> files, string target)
    {
        var benchmarks = new JsonArray();
        foreach (var file in files)
        {
            if (JsonNode.Parse(File.ReadAllText(file))?["Benchmarks"] is JsonArray array)
                foreach (var item in array.ToList()) { array.Remove(item); benchmarks.Add(item); }
        }
        var merged = new JsonObject { ["Title"] = "Release.Sdk merged benchmark results", ["Benchmarks"] = benchmarks };
        File.WriteAllText(target, merged.ToJsonString());
    }
}
