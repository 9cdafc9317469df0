using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <summary>
/// Metrics from a command: the expression runs under /bin/sh with RSDK_METRIC, RSDK_GROUP, RSDK_FROM and RSDK_TO (Unix
/// seconds) set (the group is passed in the environment, never pasted into the command line). Every number on stdout is
/// a sample; a line <c>requests=N</c> gives the request count (else -1). Exit code other than 0, or no answer within the
/// timeout, is an error.
/// </summary>
internal sealed partial class CommandMetrics(TimeSpan? timeout = null, string? workingDirectory = null) : IMetricProvider
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    public string Kind => "command";

    public async Task<MetricResult> QueryAsync(MetricQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(query.Expression);
        start.Environment["RSDK_METRIC"] = query.Name;
        start.Environment["RSDK_GROUP"] = query.Group;
        start.Environment["RSDK_FROM"] = from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        start.Environment["RSDK_TO"] = to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed,
                $"The metric command for '{query.Name}' did not finish within {_timeout.TotalSeconds:0} s: {query.Expression}. Make it faster or raise the timeout.");
        }
        var output = await stdout;
        if (process.ExitCode != 0)
            throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed,
                $"The metric command for '{query.Name}' exited with {process.ExitCode}: {query.Expression}\n{(await stderr).Trim()}");
        return Parse(output, query);
    }

    internal static MetricResult Parse(string output, MetricQuery query)
    {
        var samples = new List<double>();
        long requests = -1;
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var count = RequestsLine().Match(line);
            if (count.Success)
            {
                requests = long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }
            foreach (var token in line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
                if (MetricTemplate.TryParseNumber(token, out var value)) samples.Add(value);
        }
        if (samples.Count == 0 && output.Trim().Length > 0 && requests < 0)
            throw new ReleaseException(DiagnosticCatalog.MetricResponseInvalid,
                $"The metric command for '{query.Name}' printed no number: '{output.Trim()[..Math.Min(80, output.Trim().Length)]}'. Print one number per sample (and optionally requests=N).");
        return new MetricResult(samples, requests, $"{query.Name}: command `{query.Expression}` (group {query.Group}): {samples.Count} sample(s)");
    }

    [GeneratedRegex(@"^requests\s*[=:]\s*(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequestsLine();
}
