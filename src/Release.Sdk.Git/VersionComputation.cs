using LibGit2Sharp;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Git;

/// <summary>
/// The one entry point of MSBuild tasks and the CLI: find the repository, load the configuration, detect the CI,
/// let the engine decide. Without a repository (or without a commit) the build still gets a clearly-marked fallback
/// version and a warning; a shallow clone is deepened and the decision retried once when the user asked for it.
/// </summary>
internal static class VersionComputation
{
    /// <summary>Build version when there is no git repository: valid SemVer that sorts below every real release.</summary>
    public const string NoRepositoryVersion = "0.0.0-norepo";

    /// <summary>Build version when the repository has no commit yet.</summary>
    public const string NoCommitsVersion = "0.0.0-nocommits";

    public static VersionDecision Compute(string startDirectory, ReleaseConfigOverrides overrides, string? explicitConfigFile,
        IReadOnlyDictionary<string, string?> environment, bool deepenShallowClone)
    {
        string workingDirectory;
        ReleaseConfig config;
        CiContext ci;
        using (var history = GitRepositoryHistory.Open(startDirectory))
        {
            if (history is null)
            {
                return Fallback(NoRepositoryVersion, DiagnosticCatalog.NoRepository,
                    $"No git repository was found at or above {Path.GetFullPath(startDirectory)}, so the version is the fallback {NoRepositoryVersion}. " +
                    "Build inside a git clone (with its .git directory), or set ReleaseSkip=true to turn Release.Sdk off.");
            }
            if (history.State.HeadSha is null)
            {
                return Fallback(NoCommitsVersion, DiagnosticCatalog.EmptyRepository,
                    $"The git repository at {history.State.WorkingDirectory} has no commits yet, so the version is the fallback {NoCommitsVersion}. " +
                    "Make a first commit, or set ReleaseSkip=true to turn Release.Sdk off.");
            }

            workingDirectory = history.State.WorkingDirectory;
            config = ReleaseConfigLoader.Load(workingDirectory, explicitConfigFile, overrides);
            ci = CiContext.Detect(environment);
            try
            {
                return Decide(history, config, ci);
            }
            catch (ReleaseException e) when (deepenShallowClone && e.Descriptor == DiagnosticCatalog.ShallowCloneMissingHistory)
            {
                // fall through: deepen with the repository closed, then decide once more on the full history
            }
        }

        ShallowCloneDeepener.Deepen(workingDirectory);
        using var deepened = GitRepositoryHistory.Open(workingDirectory)
            ?? throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable, $"The git repository at {workingDirectory} disappeared while it was being deepened.");
        return Decide(deepened, config, ci);
    }

    private static VersionDecision Decide(GitRepositoryHistory history, ReleaseConfig config, CiContext ci)
    {
        try
        {
            return VersionEngine.Decide(history, config, ci);
        }
        catch (LibGit2SharpException e)
        {
            throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable,
                $"The git repository at {history.State.GitDirectory} could not be read: {e.Message}", e);
        }
    }

    private static VersionDecision Fallback(string version, DiagnosticDescriptor descriptor, string message) => new()
    {
        BuildVersion = version,
        IsFallback = true,
        Diagnostics = [new Diagnostic(descriptor, message)],
    };
}
