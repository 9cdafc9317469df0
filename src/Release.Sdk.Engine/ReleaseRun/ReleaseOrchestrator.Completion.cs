namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// Finishing a release an earlier run pushed but did not see through: the tag is on the remote, but the publish or
/// success steps (GitHub release, package push, comments, notifications, publish/success hooks) failed or never ran
/// (a crash, a timeout, a 500). The journal on the tag says which side effects are done, so a rerun completes the rest
/// without duplicating any.
/// </summary>
internal sealed partial class ReleaseOrchestrator
{
    private const string CompletedKey = "release:completed";

    /// <summary>
    /// The release (tag, version) this run should complete, or null. Two ways a rerun meets one: HEAD is the pushed
    /// release commit (a local rerun, or a CI job that checked out the branch tip), or HEAD is the commit the earlier
    /// run released (a CI job re-run checks out the original sha): the remote then has the tag on HEAD or on the release
    /// commit made on top of it.
    /// </summary>
    private (string Tag, string Version)? PublishedRelease()
    {
        if (!Pushing || !HasPublishWork) return null;
        if (Decision.NextVersion is null)
        {
            if (!Decision.IsTaggedCommit || Decision.PreviousTag is not { } tag || Decision.PreviousVersion is not { } version) return null;
            return _ports.Repository.RemoteTagTarget(_request.Remote, tag, _credentials) == _startHead ? (tag, version) : null;
        }

        var next = Decision.NextTag!;
        var remoteTarget = _ports.Repository.RemoteTagTarget(_request.Remote, next, _credentials);
        if (remoteTarget is null) return null;
        if (remoteTarget != _startHead)
        {
            // Brings the tag and its commit here, so ancestry can be asked (and the notes read back).
            _ports.Repository.TagMessage(_request.Remote, next, _credentials);
            if (!_ports.Ancestry.IsAncestor(_startHead, remoteTarget)) return null; // a conflicting tag: the normal flow reports it
        }
        return (next, Decision.NextVersion);
    }

    private ReleaseRunResult CompletePublished(string tag, string version)
    {
        _journal = OpenJournal(tag);
        if (_journal.IsDone(CompletedKey)) return NoRelease($"{tag} is already released, and its publish and success steps are complete");

        Log($"{tag} is on {_request.Remote} but an earlier run did not finish publishing it; completing the publish and success steps.");
        var plan = ReleasedPlan(tag, version, pushes: []);
        return Publish(plan, resumed: true);
    }

    /// <summary>The plan of a release that exists already: notes read back from its annotated tag.</summary>
    private ReleasePlan ReleasedPlan(string tag, string version, IReadOnlyList<PlannedPush> pushes)
    {
        var notes = NotesFromTagMessage(_ports.Repository.TagMessage(_request.Remote, tag, _credentials), tag);
        _values = _values with { NextVersion = version, NextTag = tag, NextChannel = Decision.Channel, Notes = notes };
        return new ReleasePlan
        {
            Version = version,
            Tag = tag,
            Branch = Decision.Branch,
            Channel = Decision.Channel,
            Notes = notes,
            TagOnly = Settings.TagOnly,
            Pushes = pushes,
        };
    }

    /// <summary>The notes part of a tag message written by <see cref="TagMessage"/>: "tag\n\nnotes\n".</summary>
    internal static string NotesFromTagMessage(string? message, string tag)
    {
        if (message is null) return "";
        var text = message.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.StartsWith(tag + "\n\n", StringComparison.Ordinal)) return text[(tag.Length + 2)..].TrimEnd('\n');
        return text.Trim() == tag ? "" : text.TrimEnd('\n');
    }

    /// <summary>Runs a step's exec hook once per release: a rerun skips a hook the journal says has run.</summary>
    private void RunHookOnce(ReleaseStep step)
    {
        if (Settings.Hooks.For(step) is null) return;
        var key = $"hook:{step.ToString().ToLowerInvariant()}";
        if (_journal.IsDone(key))
        {
            Log($"{ReleaseErrors.HookName(step)} already ran for this release; not running it again.");
            return;
        }
        RunHook(step);
        _journal.MarkDone(key);
    }
}
