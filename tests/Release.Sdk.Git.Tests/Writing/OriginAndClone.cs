using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Git.Writing;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests.Writing;

/// <summary>A bare repository as <c>origin</c> with one commit on main, and a clone of it to release from.</summary>
internal sealed class OriginAndClone : IDisposable
{
    public static readonly GitIdentity Bot = new("Release Bot", "bot@example.com", new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero));

    private readonly List<IDisposable> _owned = [];

    public TempGitRepo Origin { get; }

    public TempGitRepo Clone { get; }

    public OriginAndClone()
    {
        Origin = new TempGitRepo(init: false);
        Origin.Git("init", "-q", "--bare", "-b", "main");
        using (var seed = new TempGitRepo())
        {
            seed.Commit("chore: initial", "README.md");
            seed.Commit("feat: tool", "src/tool.txt");
            seed.Git("push", "-q", Origin.Path, "main");
        }
        Clone = TempGitRepo.Clone(Origin);
    }

    /// <summary>Someone else's clone, e.g. to push while the release runs.</summary>
    public TempGitRepo AnotherClone()
    {
        var other = TempGitRepo.Clone(Origin);
        _owned.Add(other);
        return other;
    }

    public GitReleaseRepository Open(TimeSpan? timeout = null, string gitExecutable = "git")
    {
        var repository = GitReleaseRepository.Open(Clone.Path, timeout, gitExecutable) ?? throw new InvalidOperationException("no repository at " + Clone.Path);
        _owned.Add(repository);
        return repository;
    }

    public void Write(string path, string content)
    {
        var full = Path.Combine(Clone.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string OriginRef(string refName) =>
        Origin.Git("for-each-ref", "--format=%(objectname)", refName);

    /// <summary>
    /// Makes origin refuse tag updates, as tag protection would. A per-ref <c>update</c> hook, so without an atomic push
    /// the branch in the same push would still be accepted.
    /// </summary>
    public void RejectTagsOnOrigin(string hookOutput = "tags are protected")
    {
        var hook = Path.Combine(Origin.Path, "hooks", "update");
        File.WriteAllText(hook, $"#!/bin/sh\ncase \"$1\" in refs/tags/*) echo '{hookOutput}'; exit 1;; esac\nexit 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Describe() => $"clone:\n{Clone.Dump()}\norigin:\n{Origin.Git("log", "--all", "--decorate", "--format=%h %d %s")}";

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
        Clone.Dispose();
        Origin.Dispose();
    }
}
