using System.Text;
using Release.Sdk.Git.History;

namespace Release.Sdk.Tasks;

/// <summary>
/// What a computed version depends on, hashed: the repository fingerprint, the task's inputs, the CI context and
/// this very task assembly (a new Release.Sdk version never reuses an old result). Null when there is no repository:
/// the fallback is cheap and not worth caching.
/// </summary>
internal static class VersionCacheKey
{
    public static string? For(string projectDirectory, string inputs, string? configFile, string ciContext)
    {
        var repository = RepositoryFingerprint.Compute(projectDirectory);
        if (repository is null) return null;
        var text = new StringBuilder(repository);
        text.Append(inputs).Append('\n').Append(ciContext).Append('\n');
        text.Append(typeof(VersionCacheKey).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        if (configFile is not null) FileStamp.Of(configFile).AppendTo(text);
        return FingerprintHash.Of(text.ToString());
    }
}
