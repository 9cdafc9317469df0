using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// One release run in semantic-release's order: verify conditions → analyze commits → verify release → generate
/// notes → prepare → release commit → tag → push → publish → success, or fail. Pure orchestration over
/// <see cref="ReleaseRunPorts"/>. Safety: only release branches release; the tree must be clean; before tagging the
/// remote branch must not have moved; a rejected push deletes the tag and undoes the commit; any failure before the
/// push undoes the run's changes, so a rerun starts from the same state. A rerun also finishes what an interrupted run
/// left: a release commit without tag (tagged now), a local tag not yet pushed (pushed now), a changelog section
/// already written (not added twice).
/// </summary>
internal sealed partial class ReleaseOrchestrator
{
    private readonly ReleaseRunRequest _request;
    private readonly ReleaseRunPorts _ports;
    private readonly string _startHead;
    private readonly List<string> _log = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<FileChange> _written = [];
    private TemplateValues _values;
    private GitCredentials? _credentials;
    private bool _mutated;
    private bool _pushed;
    private string? _createdTag;
    private readonly Dictionary<string, string> _outputs = new(StringComparer.Ordinal);
    private IReleaseJournal _journal = new MemoryReleaseJournal();
    private ReleasePlan? _contextPlan;

    private ReleaseOrchestrator(ReleaseRunRequest request, ReleaseRunPorts ports)
    {
        _request = request;
        _ports = ports;
        _startHead = ports.Repository.HeadSha;
        var decision = request.Decision;
        _values = new TemplateValues(decision.Branch, decision.PreviousVersion, decision.PreviousTag);
    }

    public static ReleaseRunResult Run(ReleaseRunRequest request, ReleaseRunPorts ports)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ports);
        return new ReleaseOrchestrator(request, ports).Execute();
    }

    private bool _resumed;

    private ReleaseRunSettings Settings => _request.Settings;

    private VersionDecision Decision => _request.Decision;

    private bool Pushing => !_request.DryRun && !_request.NoPush;

    private ReleaseRunResult Execute()
    {
        if (WhyNoRelease() is { } reason) return NoRelease(reason);
        ReleasePlan? plan = null;
        try
        {
            VerifyConditions();
            if (PublishedRelease() is { } published) return CompletePublished(published.Tag, published.Version);
            if (Pushing && RemoteMoved(_startHead)) return Skipped(null);
            if (ResumableTag() is { } pending) return Resume(pending);

            var next = AnalyzeCommits();
            if (next is null) return NoRelease($"no commit since {Decision.PreviousTag ?? "the beginning"} needs a release");
            var (version, tag, type) = next.Value;
            _values = _values with { NextVersion = version, NextTag = tag, NextType = type.ToString().ToLowerInvariant(), NextChannel = Decision.Channel };
            var localTag = _ports.Repository.LocalTagTarget(tag);
            if (localTag is not null && localTag != _startHead) throw ReleaseErrors.TagConflict(tag, "locally", localTag, _startHead);

            _contextPlan = new ReleasePlan { Version = version, Tag = tag, Branch = Decision.Branch, Channel = Decision.Channel, Notes = "" };
            RunHook(ReleaseStep.VerifyRelease);
            RunPlugins(ReleaseStep.VerifyRelease, (p, c) => p.VerifyRelease(c));
            var notes = GenerateNotes(version, tag);
            _values = _values with { Notes = notes };
            var changes = ReleasePreparation.Compute(Settings, _ports.Files, version, notes, Log);
            plan = Plan(version, tag, notes, changes);
            _contextPlan = plan;
            if (_request.DryRun) return Planned(plan);

            Prepare(changes);
            var releaseSha = CommitRelease(plan);
            return TagAndPush(plan, releaseSha, tagExists: localTag is not null);
        }
#pragma warning disable CA1031 // every failure must undo the run's work and give failCmd its chance; non-coded ones are bugs (RSDK0002)
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = e as ReleaseException
                ?? new ReleaseException(DiagnosticCatalog.InternalError, $"{DiagnosticCatalog.InternalError.Title}: {e.GetType().Name}: {ReleaseErrors.Redact(e.Message, _credentials?.Token)}", e);
            return Failed(error, plan);
        }
    }

    private string? WhyNoRelease()
    {
        if (Decision.IsFallback) return "there is no git repository or no commit";
        if (_request.IsPullRequest) return "this is a pull request build (pull requests never release)";
        if (!Decision.CanRelease) return Decision.Branch is null
            ? "HEAD is detached and no CI variable names the branch"
            : $"'{Decision.Branch}' is not a release branch (see branches in .releaserc.json / ReleaseBranch items)";
        return null;
    }

    private void VerifyConditions()
    {
        var dirty = _ports.Repository.DirtyPaths();
        if (dirty.Count > 0)
        {
            // A tag-only release tags HEAD as committed, so uncommitted changes cannot reach it; its own prepared files
            // (CHANGELOG.md, stamped versions) stay in the work tree for later CI steps, as semantic-release leaves them.
            if (Settings.TagOnly) Log($"The work tree has uncommitted changes ({string.Join(", ", dirty.Take(5))}{(dirty.Count > 5 ? ", …" : "")}); tag-only mode tags HEAD as committed.");
            else if (!_request.DryRun) throw ReleaseErrors.DirtyTree(dirty);
            else Log($"The work tree has uncommitted changes ({dirty.Count} paths); a real run would stop with RSDK4101.");
        }
        if (Pushing)
        {
            var url = _ports.Repository.RemoteUrl(_request.Remote) ?? throw ReleaseErrors.NoRemote(_request.Remote);
            _credentials = PushCredentials.For(url, _request.TokenVariable, _request.Environment);
        }
        RunHook(ReleaseStep.VerifyConditions);
        RunPlugins(ReleaseStep.VerifyConditions, (p, c) => p.VerifyConditions(c));
    }

    /// <summary>The version, tag and type to release, after the analyzeCommitsCmd hook had its say; null: no release.</summary>
    private (string Version, string Tag, ReleaseType Type)? AnalyzeCommits()
    {
        var type = Decision.Bump;
        var output = RunHook(ReleaseStep.AnalyzeCommits);
        var hookType = ParseReleaseType(output);
        if (hookType <= type) return Decision.NextVersion is { } next ? (next, Decision.NextTag!, type) : null;

        if (Decision.BranchType != Branches.BranchType.Release || (Decision.PreviousVersion is { } p && SemVer.Parse(p).IsPrerelease))
            throw ReleaseErrors.UnsupportedBump(Decision.Branch ?? "HEAD");
        var version = Decision.PreviousVersion is { } previous ? SemVer.Format(SemVer.Increment(SemVer.Parse(previous), hookType)) : "1.0.0";
        Log($"analyzeCommitsCmd raised the release type to {hookType.ToString().ToLowerInvariant()}.");
        return (version, TagFormat.Parse(_request.Config.TagFormat).Format(version), hookType);
    }

    private static ReleaseType ParseReleaseType(string? output) => output switch
    {
        null or "" => ReleaseType.None,
        "major" => ReleaseType.Major,
        "minor" => ReleaseType.Minor,
        "patch" => ReleaseType.Patch,
        _ => throw ReleaseErrors.InvalidHookOutput(ReleaseStep.AnalyzeCommits, output),
    };

    private void Prepare(IReadOnlyList<FileChange> changes)
    {
        _mutated = true;
        foreach (var change in changes)
        {
            _written.Add(change);
            _ports.Files.WriteAllText(change.Path, change.Content);
            Log($"Wrote {change.Path}.");
        }
        RunHook(ReleaseStep.Prepare);
    }

    /// <returns>The commit to tag: the new release commit, or HEAD (tag-only mode, or nothing changed as on a rerun).</returns>
    private string CommitRelease(ReleasePlan plan)
    {
        if (plan.CommitMessage is null) return _startHead;
        var dirty = _ports.Repository.DirtyPaths();
        var paths = _written.Select(c => c.Path)
            .Concat(dirty.Where(p => Settings.Assets.Any(glob => Glob.IsMatch(p, ReleasePreparation.Normalize(glob)))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var left = dirty.Except(paths, StringComparer.Ordinal).ToList();
        if (left.Count > 0) Log($"Not committed (not release assets): {string.Join(", ", left)}.");
        if (paths.Count == 0)
        {
            Log("No release asset changed; the tag goes on HEAD.");
            return _startHead;
        }
        var sha = _ports.Repository.Commit(paths, plan.CommitMessage, Identity(author: true), Identity(author: false));
        if (sha is null)
        {
            Log("No release asset changed; the tag goes on HEAD.");
            return _startHead;
        }
        Log($"Committed {string.Join(", ", paths)} as {ReleaseErrors.Short(sha)}.");
        return sha;
    }

    private ReleaseRunResult TagAndPush(ReleasePlan plan, string releaseSha, bool tagExists)
    {
        var tagOnRemote = false;
        if (Pushing)
        {
            if (RemoteMoved(_startHead))
            {
                Undo();
                return Skipped(plan);
            }
            var remoteTag = _ports.Repository.RemoteTagTarget(_request.Remote, plan.Tag, _credentials);
            if (remoteTag is not null && remoteTag != releaseSha) throw ReleaseErrors.TagConflict(plan.Tag, $"on {_request.Remote}", remoteTag, releaseSha);
            tagOnRemote = remoteTag is not null;
        }
        if (!tagExists)
        {
            _ports.Repository.CreateAnnotatedTag(plan.Tag, releaseSha, TagMessage(plan), Identity(author: false));
            _createdTag = plan.Tag;
            Log($"Tagged {ReleaseErrors.Short(releaseSha)} as {plan.Tag}.");
        }
        if (Pushing) Push(plan.Tag, includeBranch: !plan.TagOnly, includeTag: !tagOnRemote);
        return Publish(plan, resumed: false);
    }

    private void Push(string tag, bool includeBranch, bool includeTag)
    {
        var refspecs = Refspecs(tag, includeBranch, includeTag);
        if (refspecs.Count == 0) return;
        var result = _ports.Repository.Push(_request.Remote, refspecs, _credentials);
        if (!result.Accepted)
        {
            var commitUndone = _mutated;
            Undo();
            throw ReleaseErrors.PushRejected(_request.Remote, tag, ReleaseErrors.Redact(result.RejectionReason ?? "", _credentials?.Token) is { Length: > 0 } r ? r : null, commitUndone);
        }
        _pushed = true;
        Log($"Pushed {string.Join(" ", refspecs)} to {_request.Remote}.");
    }

    private List<string> Refspecs(string tag, bool includeBranch, bool includeTag)
    {
        var refspecs = new List<string>();
        if (includeBranch) refspecs.Add($"HEAD:refs/heads/{Decision.Branch}");
        if (includeTag) refspecs.Add($"refs/tags/{tag}:refs/tags/{tag}");
        return refspecs;
    }

    private ReleaseRunResult Publish(ReleasePlan plan, bool resumed)
    {
        _contextPlan = plan;
        _resumed = resumed;
        if (_journal is MemoryReleaseJournal) _journal = OpenJournal(plan.Tag);
        RunHookOnce(ReleaseStep.Publish);
        RunPlugins(ReleaseStep.Publish, (p, c) => p.Publish(c));
        RunHookOnce(ReleaseStep.Success);
        RunPlugins(ReleaseStep.Success, (p, c) => p.Success(c));
        if (HasPublishWork) _journal.MarkDone(CompletedKey);
        Log(resumed ? $"Completed the release {plan.Version} ({plan.Tag}) an earlier run had started." : $"Released {plan.Version} ({plan.Tag}).");
        return Result(ReleaseOutcome.Released, plan) with { Resumed = resumed };
    }

    private bool RemoteMoved(string localSha)
    {
        var tip = _ports.Repository.FetchRemoteBranchTip(_request.Remote, Decision.Branch!, _credentials);
        if (tip is null || tip == localSha || _ports.Ancestry.IsAncestor(tip, localSha)) return false;
        _diagnostics.Add(new Diagnostic(DiagnosticCatalog.RemoteBranchMoved,
            $"{_request.Remote}/{Decision.Branch} is at {ReleaseErrors.Short(tip)}, which this build ({ReleaseErrors.Short(localSha)}) does not contain: someone pushed since the build started. " +
            "Nothing was tagged or pushed and this run's changes were undone; the run for the newer commit releases it (or pull and run again)."));
        return true;
    }

    /// <summary>Undoes everything this run did locally (before its push): the tag, the release commit, the files written.</summary>
    private void Undo()
    {
        if (_createdTag is not null)
        {
            _ports.Repository.DeleteLocalTag(_createdTag);
            Log($"Deleted the local tag {_createdTag}.");
            _createdTag = null;
        }
        if (!_mutated) return;
        _ports.Reset.ResetHard(_startHead);
        for (var i = _written.Count - 1; i >= 0; i--)
        {
            var change = _written[i];
            if (change.Original is null) _ports.Files.Delete(change.Path);
            else _ports.Files.WriteAllText(change.Path, change.Original);
        }
        _written.Clear();
        _mutated = false;
        Log($"Reset the work tree to {ReleaseErrors.Short(_startHead)}.");
    }

    private GitIdentity Identity(bool author)
    {
        var names = _request.Identity;
        var now = _ports.Clock.GetUtcNow();
        return author ? new GitIdentity(names.AuthorName, names.AuthorEmail, now) : new GitIdentity(names.CommitterName, names.CommitterEmail, now);
    }

    private static string TagMessage(ReleasePlan plan) =>
        plan.Notes.Trim().Length == 0 ? plan.Tag : $"{plan.Tag}\n\n{plan.Notes.Trim()}\n";

    private void Log(string line)
    {
        var redacted = ReleaseErrors.Redact(line, _credentials?.Token);
        _log.Add(redacted);
        _request.Progress?.Invoke(redacted);
    }
}
