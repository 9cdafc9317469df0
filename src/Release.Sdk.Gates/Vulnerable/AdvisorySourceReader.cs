namespace Release.Sdk.Gates.Vulnerable;

/// <summary>
/// Fetches the affected ranges of the reported advisories from the audit sources NuGet used (the report's "sources"),
/// to name the fixed version. Best effort and bounded: a source that fails or is slow leaves the fixed version unknown,
/// it never changes the verdict (NuGet already judged the packages).
/// </summary>
internal sealed class AdvisorySourceReader(HttpClient http, Action<string> log)
{
    public async Task<IReadOnlyList<VulnerablePackage>> AddFixedVersionsAsync(
        IReadOnlyList<VulnerablePackage> packages, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        if (packages.Count == 0) return packages;
        var ranges = new Dictionary<(string Id, string Url), string>();
        foreach (var source in sources.Where(s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                var resource = AdvisoryRanges.VulnerabilityResource(await http.GetStringAsync(source, cancellationToken).ConfigureAwait(false));
                if (resource is null) continue;
                foreach (var page in AdvisoryRanges.PageUrls(await http.GetStringAsync(resource, cancellationToken).ConfigureAwait(false)))
                {
                    foreach (var (id, byUrl) in AdvisoryRanges.ParsePage(await http.GetStringAsync(page, cancellationToken).ConfigureAwait(false)))
                    {
                        foreach (var (url, range) in byUrl) ranges.TryAdd((id.ToLowerInvariant(), url), range);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
            {
                log($"fixed versions: could not read the audit source {source} ({e.Message}); fixed versions stay unknown");
            }
        }
        return [.. packages.Select(p => ranges.TryGetValue((p.Id.ToLowerInvariant(), p.AdvisoryUrl), out var range)
            ? p with { FixedVersion = AdvisoryRanges.FixedVersion(range) }
            : p)];
    }
}
