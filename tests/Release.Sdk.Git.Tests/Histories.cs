using Release.Sdk.Git.History;
using Release.Sdk.TestKit;
using Xunit.Sdk;

namespace Release.Sdk.Git.Tests;

internal static class Histories
{
    public static GitRepositoryHistory Open(TempGitRepo repo) =>
        GitRepositoryHistory.Open(repo.Path) ?? throw new InvalidOperationException($"no repository at {repo.Path}");

    /// <summary>Opens as a fresh build process would: nothing in memory, only what is on disk (the cache file).</summary>
    public static GitRepositoryHistory OpenAsNewProcess(TempGitRepo repo)
    {
        HistoryCaches.Forget(DirectoriesOf(repo));
        return Open(repo);
    }

    public static GitDirectories DirectoriesOf(TempGitRepo repo) =>
        GitDirectories.From(LibGit2Sharp.Repository.Discover(repo.Path));

    public static string CacheFile(TempGitRepo repo) => CommitStoreFile.PathFor(DirectoriesOf(repo).CommonDirectory);

    /// <summary>Runs assertions and, when they fail, adds the repository's history to the message.</summary>
    public static void Check(TempGitRepo repo, Action assertions)
    {
        try { assertions(); }
        catch (XunitException e) { throw new XunitException($"{e.Message}\n--- history ---\n{repo.Dump()}"); }
    }
}
