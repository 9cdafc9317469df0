using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Baselines;

/// <summary>
/// Finds a gate's baseline (the previous release's benchmark results or API document) from its Baseline setting:
/// a file path, an http(s) URL (a release asset), or <c>git:&lt;ref&gt;:&lt;path&gt;</c> (a file committed at the previous
/// release's tag). {PreviousTag}/{PreviousVersion} are filled in from the release. Returns the local file to read.
/// </summary>
internal static class BaselineLocator
{
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(60);

    public static async Task<string> LocateAsync(GateContext context, string gate, string setting, CancellationToken cancellationToken)
    {
        var spec = context.Setting(setting) ?? throw Unavailable(gate, $"it has no {setting} metadata",
            $"Set {setting} on the ReleaseGate item: a file, an http(s) URL of the previous release's asset, or git:{{PreviousTag}}:path/in/repo.");
        var previous = spec.Contains("{Previous", StringComparison.OrdinalIgnoreCase)
            ? await PreviousRelease.FindAsync(context, cancellationToken).ConfigureAwait(false)
            : null;
        var expanded = Placeholders.Expand(spec, previous?.Tag, previous?.Version, context.Release?.Version);
        if (expanded.Contains("{Previous", StringComparison.OrdinalIgnoreCase))
            throw Unavailable(gate, $"{setting}='{spec}' names the previous release, and none is known (no release tag reachable from HEAD)",
                $"Run the gate after a first release (fetch tags in CI: fetch-depth: 0), or give {setting} a plain path.");
        if (previous is { FromReleaseRun: false }) context.Log($"{gate}: standalone run, comparing with the latest tag {previous.Tag}");

        Directory.CreateDirectory(context.OutputDirectory);
        if (expanded.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || expanded.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return await DownloadAsync(context, gate, expanded, cancellationToken).ConfigureAwait(false);
        if (expanded.StartsWith("git:", StringComparison.OrdinalIgnoreCase))
            return await FromGitAsync(context, gate, expanded[4..], cancellationToken).ConfigureAwait(false);

        var path = Path.GetFullPath(expanded, context.BaseDirectory());
        return File.Exists(path) ? path : throw Unavailable(gate, $"the file '{path}' does not exist",
            $"Point {setting} at the previous release's file, or keep that file in the repository.");
    }

    private static async Task<string> DownloadAsync(GateContext context, string gate, string url, CancellationToken cancellationToken)
    {
        var target = Path.Combine(context.OutputDirectory, "baseline-" + SafeFileName(new Uri(url).Segments[^1]));
        try
        {
            using var client = new HttpClient { Timeout = DownloadTimeout };
            using var response = await client.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Unavailable(gate, $"downloading {url} answered {(int)response.StatusCode} {response.ReasonPhrase}",
                    "Check that the previous release has this asset (attach it with a ReleaseAsset item), or point Baseline at a file.");
            await File.WriteAllBytesAsync(target, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return target;
        }
        catch (HttpRequestException e)
        {
            throw Unavailable(gate, $"downloading {url} failed ({e.Message})", "Check the URL and the network, or point Baseline at a file.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(gate, $"downloading {url} took longer than {DownloadTimeout.TotalSeconds:0} s", "Check the URL and the network, or point Baseline at a file.");
        }
    }

    private static async Task<string> FromGitAsync(GateContext context, string gate, string refAndPath, CancellationToken cancellationToken)
    {
        var result = await context.Processes.RunAsync("git", ["show", refAndPath], context.RepositoryRoot, context.Environment,
            TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw Unavailable(gate, $"'git show {refAndPath}' failed: {(result.StartFailure ?? result.StandardError).Trim()}",
                "The path is relative to the repository root and must exist at that tag; fetch tags in CI (fetch-depth: 0).");
        var target = Path.Combine(context.OutputDirectory, "baseline-" + SafeFileName(Path.GetFileName(refAndPath)));
        await File.WriteAllTextAsync(target, result.StandardOutput, cancellationToken).ConfigureAwait(false);
        return target;
    }

    private static string SafeFileName(string name)
    {
        var cleaned = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ':' ? '_' : c));
        return cleaned.Length == 0 ? "baseline.json" : cleaned;
    }

    private static ReleaseException Unavailable(string gate, string what, string todo) =>
        new(DiagnosticCatalog.GateBaselineUnavailable, $"The '{gate}' gate has no baseline: {what}. {todo}");
}
