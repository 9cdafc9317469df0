using System.Text.Json;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Notes;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.ReleaseRun;

internal sealed partial class ReleaseOrchestrator
{
    /// <summary>
    /// HEAD carries the release tag locally but the remote does not have it: an earlier run tagged and then failed to
    /// push (or crashed). The tag's name, or null when there is nothing to finish.
    /// </summary>
    private string? ResumableTag()
    {
        if (!Pushing || Decision.NextVersion is not null || !Decision.IsTaggedCommit || Decision.PreviousTag is not { } tag) return null;
        if (_ports.Repository.LocalTagTarget(tag) != _startHead) return null;
        var remoteTag = _ports.Repository.RemoteTagTarget(_request.Remote, tag, _credentials);
        if (remoteTag is null) return tag;
        if (remoteTag != _startHead) throw ReleaseErrors.TagConflict(tag, $"on {_request.Remote}", remoteTag, _startHead);
        return null;
    }

    private ReleaseRunResult Resume(string tag)
    {
        var version = Decision.PreviousVersion!;
        Log($"HEAD is the release {version} ({tag}), tagged but not pushed by an earlier run; pushing it now.");
        var plan = ReleasedPlan(tag, version, [new PlannedPush(_request.Remote, Refspecs(tag, !Settings.TagOnly, includeTag: true))]);
        Push(tag, includeBranch: !Settings.TagOnly, includeTag: true);
        return Publish(plan, resumed: true);
    }

    private string GenerateNotes(string version, string tag)
    {
        var parts = new List<string>();
        var config = _request.Config;
        if (NotesOptionsReader.GeneratesNotes(config.Document, config.SourceFile ?? ".releaserc.json"))
        {
            var date = NotesDate.From(_ports.Clock.GetUtcNow(), Variable("SOURCE_DATE_EPOCH"));
            var decision = Decision with { NextVersion = version, NextTag = tag };
            var repository = RepositoryUrl.Parse(RepositoryAddress());
            var context = ReleaseNotesRequest.For(decision, config, repository, date)!;
            parts.Add(ReleaseNotesGenerator.Generate(context with { Options = WithoutDanglingCompareLink(context.Options, repository) }));
        }
        _values = _values with { Notes = parts.FirstOrDefault() ?? "" };
        var hookNotes = RunHook(ReleaseStep.GenerateNotes);
        if (!string.IsNullOrEmpty(hookNotes)) parts.Add(hookNotes);
        foreach (var plugin in Plugins)
        {
            var pluginNotes = Guarded(plugin, ReleaseStep.GenerateNotes, () => plugin.GenerateNotes(Context(plugin)));
            if (!string.IsNullOrEmpty(pluginNotes)) parts.Add(pluginNotes.Trim('\n'));
        }
        // semantic-release joins the notes of every generateNotes plugin with a blank line.
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    /// <summary>
    /// Without a repository URL (origin is a local path) the compare link would point at "///compare/…"; semantic-release
    /// never gets there (it requires a repository URL), so the header goes without the link unless linkCompare is set.
    /// </summary>
    public static NotesOptions WithoutDanglingCompareLink(NotesOptions options, RepositoryUrl? repository) =>
        repository is null && options.LinkCompare is null && options.Host is null ? options with { LinkCompare = false } : options;

    private string? RepositoryAddress()
    {
        if (_request.RepositoryUrl is { Length: > 0 } explicitUrl) return explicitUrl;
        if (_request.Config.Document?["repositoryUrl"] is { } node && node.GetValueKind() == JsonValueKind.String) return node.GetValue<string>();
        return _ports.Repository.RemoteUrl(_request.Remote);
    }

    /// <summary>Runs the step's exec hook, if any; its trimmed standard output (null when there is no hook or in a dry run).</summary>
    private string? RunHook(ReleaseStep step)
    {
        var command = Settings.Hooks.For(step);
        if (command is null || _request.DryRun) return null;
        var commandLine = LodashTemplate.Render(command, _values, ReleaseErrors.HookName(step));
        Log($"{ReleaseErrors.HookName(step)}: {commandLine}");
        var result = _ports.Hooks.Run(commandLine, _ports.Repository.WorkingDirectory, _request.Environment);
        if (!result.Succeeded) throw ReleaseErrors.HookFailed(step, commandLine, result, _credentials?.Token, afterPush: _pushed);
        return result.StandardOutput.Trim();
    }

    private ReleasePlan Plan(string version, string tag, string notes, IReadOnlyList<FileChange> changes)
    {
        var hooks = new List<PlannedHook>();
        foreach (var step in Enum.GetValues<ReleaseStep>())
        {
            if (Settings.Hooks.For(step) is { } command) hooks.Add(new PlannedHook(step, LodashTemplate.Render(command, _values, ReleaseErrors.HookName(step))));
        }
        return new ReleasePlan
        {
            Version = version,
            Tag = tag,
            PreviousVersion = Decision.PreviousVersion,
            PreviousTag = Decision.PreviousTag,
            Branch = Decision.Branch,
            Channel = Decision.Channel,
            Notes = notes,
            Files = changes.Select(c => new PlannedFile(c.Path, UnifiedDiff.Render(c.Path, c.Original, c.Content))).ToList(),
            CommitMessage = Settings.TagOnly ? null : LodashTemplate.Render(Settings.CommitMessage, _values, "the release commit message"),
            TagOnly = Settings.TagOnly,
            Pushes = _request.NoPush ? [] : [new PlannedPush(_request.Remote, Refspecs(tag, !Settings.TagOnly, includeTag: true))],
            Hooks = hooks,
        };
    }

    private ReleaseRunResult Planned(ReleasePlan plan)
    {
        if (_request.PlanFile is { } file) _ports.Files.WriteAllText(file, ReleasePlanJson.Write(plan));
        Log($"Dry run: would release {plan.Version} ({plan.Tag}); nothing was written{(_request.PlanFile is null ? "" : " but the plan")}.");
        return Result(ReleaseOutcome.Planned, plan);
    }

    private ReleaseRunResult NoRelease(string reason)
    {
        Log($"No release: {reason}.");
        return Result(ReleaseOutcome.NoRelease, null) with { Reason = reason };
    }

    private ReleaseRunResult Skipped(ReleasePlan? plan) => Result(ReleaseOutcome.Skipped, plan);

    private ReleaseRunResult Failed(ReleaseException error, ReleasePlan? plan)
    {
        if (!_pushed && !_request.DryRun)
        {
            try { Undo(); }
#pragma warning disable CA1031 // the original error is what the user must see; a failed undo is reported next to it
            catch (Exception e)
#pragma warning restore CA1031
            {
                _diagnostics.Add(new Diagnostic(DiagnosticCatalog.InternalError, $"Undoing the run's changes failed too ({e.GetType().Name}: {ReleaseErrors.Redact(e.Message, _credentials?.Token)}); check the work tree and tags by hand."));
            }
        }
        RunFailHook();
        if (!_request.DryRun) RunFailPlugins(error);
        return Result(ReleaseOutcome.Failed, plan) with { Error = error };
    }

    private void RunFailHook()
    {
        try
        {
            RunHook(ReleaseStep.Fail);
        }
        catch (ReleaseException e)
        {
            _diagnostics.Add(new Diagnostic(e.Descriptor, e.Message));
        }
    }

    private ReleaseRunResult Result(ReleaseOutcome outcome, ReleasePlan? plan) => new()
    {
        Outcome = outcome,
        Plan = plan,
        Log = _log.ToList(),
        Diagnostics = _diagnostics.ToList(),
        Outputs = new Dictionary<string, string>(_outputs, StringComparer.Ordinal),
    };

    private string? Variable(string name) => _request.Environment.TryGetValue(name, out var value) ? value : null;
}
