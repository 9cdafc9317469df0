using System.Text.Json.Nodes;

namespace Release.Sdk.Gates.Tests.Benchmark;

/// <summary>Builds BenchmarkDotNet full-JSON reports (the shape of the recorded real one) from per-iteration values in ns.</summary>
internal static class BenchmarkJson
{
    public static string Report(params (string Name, double[] Values)[] benchmarks)
    {
        var array = new JsonArray();
        foreach (var (name, values) in benchmarks)
        {
            var mean = values.Average();
            var variance = values.Length > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) : 0;
            array.Add(new JsonObject
            {
                ["FullName"] = name,
                ["Method"] = name.Split('.')[^1],
                ["Statistics"] = new JsonObject
                {
                    ["OriginalValues"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
                    ["N"] = values.Length,
                    ["Mean"] = mean,
                    ["StandardError"] = Math.Sqrt(variance / values.Length),
                },
            });
        }
        return new JsonObject { ["Title"] = "constructed", ["Benchmarks"] = array }.ToJsonString();
    }

    /// <summary>A report carrying only the summary statistics (no iteration values), as older or trimmed reports do.</summary>
    public static string SummaryOnly(string name, double mean, double standardError, int n) =>
        new JsonObject
        {
            ["Benchmarks"] = new JsonArray(new JsonObject
            {
                ["FullName"] = name,
                ["Statistics"] = new JsonObject { ["N"] = n, ["Mean"] = mean, ["StandardError"] = standardError },
            }),
        }.ToJsonString();
}
