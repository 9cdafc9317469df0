using LibGit2Sharp;

namespace Release.Sdk.Tasks;

/// <summary>The repository around a project: its root (paths in release settings are relative to it) and a remote's URL.</summary>
internal sealed record ReleaseRepository(string Root, string? OriginUrl)
{
    /// <summary>Null when the directory is not inside a git work tree.</summary>
    public static ReleaseRepository? Find(string directory)
    {
        var gitDirectory = Repository.Discover(directory);
        if (gitDirectory is null) return null;
        using var repository = new Repository(gitDirectory);
        if (repository.Info.WorkingDirectory is not { } root) return null;
        return new ReleaseRepository(Path.TrimEndingDirectorySeparator(root), repository.Network.Remotes["origin"]?.Url);
    }

    /// <summary>The path relative to the root, with forward slashes, as the release run takes it.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
}
