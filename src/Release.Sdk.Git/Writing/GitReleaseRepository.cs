using LibGit2Sharp;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;
using PushResult = Release.Sdk.Engine.ReleaseRun.PushResult;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// <see cref="IReleaseRepository"/> on a real repository: local reads and writes with libgit2, network operations with
/// the git CLI (<see cref="GitRemoteCommands"/>). Failures the user can fix surface as <see cref="ReleaseException"/>:
/// RSDK2005 push, RSDK2006 fetch, RSDK2007 local write, RSDK4106 a tag that exists on another commit; a push the remote
/// refused is a <see cref="PushResult"/>, not an exception. Tokens never appear in any of them.
/// </summary>
internal sealed class GitReleaseRepository : IReleaseRepository, IDisposable
{
    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Where <see cref="FetchRemoteBranchTip"/> keeps a fetched tip: outside refs/heads and refs/remotes.</summary>
    public const string FetchedRefPrefix = "refs/release-sdk/remote/";

    private readonly Repository _repository;
    private readonly GitRemoteCommands _remote;

    private GitReleaseRepository(Repository repository, GitRemoteCommands remote)
    {
        _repository = repository;
        _remote = remote;
        WorkingDirectory = Path.TrimEndingDirectorySeparator(repository.Info.WorkingDirectory);
    }

    /// <summary>Opens the repository containing <paramref name="workingDirectory"/>; null when there is none.</summary>
    /// <param name="networkTimeout">Limit for each fetch, ls-remote or push (default 5 minutes).</param>
    /// <param name="gitExecutable">The git CLI to run (tests substitute a recorder).</param>
    /// <exception cref="ReleaseException">RSDK2004 when the repository cannot be opened; RSDK2007 when it is bare.</exception>
    public static GitReleaseRepository? Open(string workingDirectory, TimeSpan? networkTimeout = null, string gitExecutable = "git")
    {
        var start = Path.GetFullPath(workingDirectory);
        if (!Directory.Exists(start)) return null;
        Repository repository;
        try
        {
            var discovered = Repository.Discover(start);
            if (discovered is null) return null;
            repository = new Repository(discovered);
        }
        catch (LibGit2SharpException e)
        {
            throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable, $"The git repository at {start} could not be opened: {e.Message}", e);
        }
        if (repository.Info.IsBare)
        {
            repository.Dispose();
            throw new ReleaseException(DiagnosticCatalog.LocalWriteFailed,
                $"The git repository at {start} is bare; a release needs a clone with a checked-out work tree.");
        }

        var sshIsConfigured = Environment.GetEnvironmentVariable("GIT_SSH_COMMAND") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("GIT_SSH") is { Length: > 0 }
            || repository.Config.Get<string>("core.sshCommand") is not null;
        var git = new GitProcess(Path.TrimEndingDirectorySeparator(repository.Info.WorkingDirectory),
            networkTimeout ?? DefaultNetworkTimeout, gitExecutable);
        return new GitReleaseRepository(repository, new GitRemoteCommands(git, Environment.GetEnvironmentVariable, sshIsConfigured));
    }

    public string WorkingDirectory { get; }

    public string HeadSha => _repository.Head.Tip?.Sha
        ?? throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable, $"HEAD of the git repository at {WorkingDirectory} has no commit yet.");

    public IReadOnlyList<string> DirtyPaths()
    {
        var options = new StatusOptions
        {
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
        };
        return Local("read the status of", () => _repository.RetrieveStatus(options)
            .Where(e => e.State is not (FileStatus.Unaltered or FileStatus.Ignored))
            .Select(e => e.FilePath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList());
    }

    public string? RemoteUrl(string remote) => Resolve(remote).FetchUrl is { } url ? RemoteUrls.WithoutCredentials(url) : null;

    public string? FetchRemoteBranchTip(string remote, string branch, GitCredentials? credentials)
    {
        var target = Resolve(remote);
        var branchRef = "refs/heads/" + branch;
        RequireRefName(branchRef, nameof(branch));
        var tip = _remote.ListRefs(target, [branchRef], credentials).GetValueOrDefault(branchRef);
        if (tip is null) return null;
        // The usual case — nobody pushed since the build's checkout — needs no object transfer.
        if (_repository.ObjectDatabase.Contains(new ObjectId(tip))) return tip;

        var fetchedRef = FetchedRefPrefix + branch;
        _remote.Fetch(target, branchRef, fetchedRef, credentials);
        // The branch may have moved again between ls-remote and fetch; what was fetched is the newer answer.
        return _repository.Refs[fetchedRef]?.ResolveToDirectReference()?.TargetIdentifier ?? tip;
    }

    public string? RemoteTagTarget(string remote, string tag, GitCredentials? credentials)
    {
        var tagRef = "refs/tags/" + tag;
        RequireRefName(tagRef, nameof(tag));
        // ls-remote lists the peeled line of an annotated tag only when a pattern matches it.
        return LsRemoteOutput.Target(_remote.ListRefs(Resolve(remote), [tagRef, tagRef + "^{}"], credentials), tagRef);
    }

    public string? LocalTagTarget(string tag) => Local("read the tag " + tag + " in", () => _repository.Tags[tag]?.PeeledTarget?.Sha);

    public string? Commit(IReadOnlyList<string> paths, string message, GitIdentity author, GitIdentity committer)
    {
        var relative = paths.Select(RepositoryPath).Distinct(StringComparer.Ordinal).ToList();
        return Local("commit " + string.Join(", ", relative) + " in", () =>
        {
            // libgit2 keeps the index it loaded and would write it back over what the git CLI (hooks, the run's own
            // undo with `git reset --hard`) changed since; a fresh instance reads the index as it is now.
            using var current = new Repository(_repository.Info.Path);
            return ReleaseCommitWriter.Commit(current, relative, message, author, committer)?.Sha;
        });
    }

    public void CreateAnnotatedTag(string tag, string targetSha, string message, GitIdentity tagger) =>
        Local("create the tag " + tag + " in", () =>
        {
            var existing = _repository.Tags[tag];
            if (existing is not null)
            {
                // A rerun after a failed push finds its own tag; a tag elsewhere is someone else's and stays.
                if (existing.PeeledTarget.Sha == targetSha) return 0;
                throw new ReleaseException(DiagnosticCatalog.ReleaseTagConflict,
                    $"The tag {tag} already exists in {WorkingDirectory} on commit {existing.PeeledTarget.Sha}, not on {targetSha}. " +
                    $"If it is not a real release, delete it (git tag -d {tag}) and run the release again.");
            }
            var target = _repository.Lookup(targetSha)
                ?? throw new ReleaseException(DiagnosticCatalog.LocalWriteFailed, $"Cannot tag {tag}: the object {targetSha} is not in the repository at {WorkingDirectory}.");
            _repository.Tags.Add(tag, target, new Signature(tagger.Name, tagger.Email, tagger.When), message);
            return 0;
        });

    public void DeleteLocalTag(string tag) =>
        Local("delete the tag " + tag + " in", () =>
        {
            if (_repository.Tags[tag] is not null) _repository.Tags.Remove(tag);
            return 0;
        });

    public PushResult Push(string remote, IReadOnlyList<string> refspecs, GitCredentials? credentials)
    {
        if (refspecs.Count == 0) throw new ArgumentException("At least one refspec is needed.", nameof(refspecs));
        foreach (var refspec in refspecs)
        {
            if (refspec.Length == 0 || refspec.StartsWith('-')) throw new ArgumentException($"'{refspec}' is not a refspec.", nameof(refspecs));
        }
        return _remote.Push(Resolve(remote), refspecs, credentials);
    }

    public string? TagMessage(string remote, string tag, GitCredentials? credentials)
    {
        var tagRef = "refs/tags/" + tag;
        RequireRefName(tagRef, nameof(tag));
        if (Local("read the tag " + tag + " in", () => _repository.Tags[tag]) is null)
        {
            if (RemoteTagTarget(remote, tag, credentials) is null) return null;
            _remote.Fetch(Resolve(remote), tagRef, tagRef, credentials);
        }
        return Local("read the tag " + tag + " in", () =>
        {
            // The git CLI just wrote the tag: a fresh instance sees it.
            using var current = new Repository(_repository.Info.Path);
            return current.Tags[tag]?.Annotation?.Message;
        });
    }

    public IReleaseJournal OpenJournal(string remote, string tag, GitCredentials? credentials, Action<Diagnostic> warn) =>
        GitNotesReleaseJournal.Open(_repository.Info.Path, _remote, Resolve(remote), credentials, tag, warn);

    public void Dispose() => _repository.Dispose();

    private RemoteTarget Resolve(string remote)
    {
        if (remote.Length == 0 || remote.StartsWith('-')) throw new ArgumentException($"'{remote}' is not a remote name or URL.", nameof(remote));
        Remote? configured;
        try { configured = _repository.Network.Remotes[remote]; }
        catch (LibGit2SharpException) { configured = null; }
        return configured is null
            ? new RemoteTarget(remote, LooksLikeUrl(remote) ? remote : null, LooksLikeUrl(remote) ? remote : null)
            : new RemoteTarget(remote, configured.Url, configured.PushUrl ?? configured.Url);
    }

    private static bool LooksLikeUrl(string remote) => remote.Contains("://", StringComparison.Ordinal) || remote.Contains('/') || remote.Contains('\\');

    private string RepositoryPath(string path)
    {
        var full = Path.GetFullPath(path, WorkingDirectory);
        var relative = Path.GetRelativePath(WorkingDirectory, full).Replace('\\', '/');
        if (relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
            throw new ArgumentException($"'{path}' is not a path inside the work tree {WorkingDirectory}.", nameof(path));
        return relative;
    }

    private static void RequireRefName(string refName, string parameter)
    {
        if (!Reference.IsValidName(refName)) throw new ArgumentException($"'{refName}' is not a valid git reference name.", parameter);
    }

    private T Local<T>(string what, Func<T> operation)
    {
        try { return operation(); }
        catch (LibGit2SharpException e)
        {
            throw new ReleaseException(DiagnosticCatalog.LocalWriteFailed, $"Could not {what} the git repository at {WorkingDirectory}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ReleaseException(DiagnosticCatalog.LocalWriteFailed, $"Could not {what} the git repository at {WorkingDirectory}: {e.Message}", e);
        }
    }
}
