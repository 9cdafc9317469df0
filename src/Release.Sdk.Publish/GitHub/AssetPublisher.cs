using System.Security.Cryptography;
using Octokit;
using GitHubRelease = Octokit.Release;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// Attaches the asset files to the release, idempotently: an asset of the same name with the same content (GitHub's
/// <c>digest</c> when it gives one, else size and the SHA-256 of the downloaded asset) is kept, a different or
/// half-uploaded one is deleted and uploaded again. Each asset is one retried unit (list → compare → delete → upload),
/// so a retry after a 5xx that left a "starter" asset behind cleans it up instead of failing on "already_exists".
/// </summary>
internal static class AssetPublisher
{
    public static void Publish(GitHubSession s, ReleaseContext context, GitHubRelease release, IReadOnlyList<AssetFile> files)
    {
        foreach (var file in files)
        {
            var sha = Sha256(file.FullPath);
            var key = $"github:asset:{file.Name}:{sha[..16]}";
            if (context.Journal.IsDone(key))
            {
                context.Log($"asset {file.Name}: already attached by an earlier run");
                continue;
            }
            var size = new FileInfo(file.FullPath).Length;
            var outcome = s.Call($"attaching {file.Name} to the release {release.TagName}", DiagnosticCatalog.GitHubAssetUploadFailed,
                ct => Attach(s, release, file, size, sha, ct));
            context.Log($"asset {file.Name}: {outcome}");
            context.Journal.MarkDone(key, file.Name);
        }
    }

    private static async Task<string> Attach(GitHubSession s, GitHubRelease release, AssetFile file, long size, string sha, CancellationToken ct)
    {
        var assets = await s.Client.Connection.Get<List<GitHubAssetInfo>>(
            s.Api($"repos/{s.Owner}/{s.Repo}/releases/{release.Id}/assets"), new Dictionary<string, string> { ["per_page"] = "100" }).ConfigureAwait(false);
        var existing = assets.Body.FirstOrDefault(a => string.Equals(a.Name, file.Name, StringComparison.OrdinalIgnoreCase));
        var verdict = "uploaded";
        if (existing is not null)
        {
            if (existing.State == "uploaded" && await SameContent(s, existing, size, sha).ConfigureAwait(false))
            {
                if ((existing.Label ?? "") == (file.Label ?? "")) return "identical asset already attached; skipped";
                await SetLabel(s, existing.Id, existing.Name, file.Label).ConfigureAwait(false);
                return "identical asset already attached; label updated";
            }
            // Asset ids outgrew int (Octokit's DeleteAsset/EditAsset take int): address them by URL.
            await s.Client.Connection.Delete(s.Api($"repos/{s.Owner}/{s.Repo}/releases/assets/{existing.Id}")).ConfigureAwait(false);
            verdict = existing.State == "uploaded" ? "replaced (the attached asset had different content)" : "replaced a half-uploaded asset";
        }

        await using var stream = File.OpenRead(file.FullPath);
        var upload = new ReleaseAssetUpload(file.Name, ContentType(file.Name), stream, s.Options.UploadTimeout);
        var uploaded = await s.Client.Repository.Release.UploadAsset(release, upload, ct).ConfigureAwait(false);
        // The upload URL's label parameter is applied by Octokit only when set on the asset afterwards.
        if (!string.IsNullOrEmpty(file.Label) && uploaded.Label != file.Label)
            await SetLabel(s, uploaded.Id, uploaded.Name, file.Label).ConfigureAwait(false);
        return verdict;
    }

    private static Task SetLabel(GitHubSession s, long id, string name, string? label) =>
        s.Client.Connection.Patch<GitHubAssetInfo>(s.Api($"repos/{s.Owner}/{s.Repo}/releases/assets/{id}"), new ReleaseAssetUpdate(name) { Label = label ?? "" });

    private static async Task<bool> SameContent(GitHubSession s, GitHubAssetInfo asset, long size, string sha)
    {
        if (asset.Digest is { Length: > 0 } digest)
            return string.Equals(digest, "sha256:" + sha, StringComparison.OrdinalIgnoreCase);
        if (asset.Size != size) return false;
        var response = await s.Client.Connection.Get<byte[]>(s.Api($"repos/{s.Owner}/{s.Repo}/releases/assets/{asset.Id}"), null, "application/octet-stream").ConfigureAwait(false);
        return Convert.ToHexStringLower(SHA256.HashData(response.Body)) == sha;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".md" => "text/markdown",
        ".txt" => "text/plain",
        ".xml" => "application/xml",
        ".zip" or ".nupkg" or ".snupkg" => "application/zip",
        ".gz" or ".tgz" => "application/gzip",
        _ => "application/octet-stream",
    };
}
