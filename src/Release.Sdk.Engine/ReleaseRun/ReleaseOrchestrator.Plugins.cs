using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

internal sealed partial class ReleaseOrchestrator
{
    private IReadOnlyList<IReleasePlugin> Plugins => _ports.Plugins ?? [];

    /// <summary>
    /// Calls one lifecycle step of every plugin, in order. Dry runs call only the steps before anything is written
    /// (verify conditions, verify release, generate notes), as semantic-release's dry run does.
    /// </summary>
    private void RunPlugins(ReleaseStep step, Action<IReleasePlugin, ReleaseContext> call)
    {
        if (_request.DryRun && step is not (ReleaseStep.VerifyConditions or ReleaseStep.VerifyRelease or ReleaseStep.GenerateNotes)) return;
        foreach (var plugin in Plugins)
        {
            Guarded(plugin, step, () =>
            {
                call(plugin, Context(plugin));
                return (string?)null;
            });
        }
    }

    /// <summary>A plugin's coded errors pass through; anything else is a bug in it, reported with its name (RSDK0002).</summary>
    private T Guarded<T>(IReleasePlugin plugin, ReleaseStep step, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (ReleaseException)
        {
            throw;
        }
#pragma warning disable CA1031 // rewrapped with the plugin's name; the orchestrator's own handler undoes the run
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new ReleaseException(DiagnosticCatalog.InternalError,
                $"{DiagnosticCatalog.InternalError.Title} in the '{plugin.Name}' plugin's {step} step: {e.GetType().Name}: {ReleaseErrors.Redact(e.Message, _credentials?.Token)}", e);
        }
    }

    private void RunFailPlugins(ReleaseException error)
    {
        foreach (var plugin in Plugins)
        {
            try
            {
                plugin.Fail(Context(plugin), error);
            }
#pragma warning disable CA1031 // the release's own error is what the user must see; a failing fail step is reported beside it
            catch (Exception e)
#pragma warning restore CA1031
            {
                var descriptor = e is ReleaseException coded ? coded.Descriptor : DiagnosticCatalog.InternalError;
                _diagnostics.Add(new Diagnostic(descriptor, $"The '{plugin.Name}' plugin's fail step failed too: {ReleaseErrors.Redact(e.Message, _credentials?.Token)}"));
            }
        }
    }

    private ReleaseContext Context(IReleasePlugin plugin) => new()
    {
        Version = _contextPlan?.Version,
        Tag = _contextPlan?.Tag,
        PreviousVersion = Decision.PreviousVersion,
        PreviousTag = Decision.PreviousTag,
        Branch = Decision.Branch,
        Channel = Decision.Channel,
        Notes = _contextPlan?.Notes ?? _values.Notes ?? "",
        ReleaseType = _values.NextType,
        Commits = _resumed ? [] : Decision.Analysis.Decisions,
        RepositoryUrl = RepositoryAddress(),
        WorkingDirectory = _ports.Repository.WorkingDirectory,
        Environment = _request.Environment,
        DryRun = _request.DryRun,
        Resumed = _resumed,
        Settings = _request.PluginSettings?[plugin.Name] as System.Text.Json.Nodes.JsonObject,
        Config = _request.Config.Document,
        Journal = _journal,
        Log = line => Log($"[{plugin.Name}] {line}"),
        Outputs = _outputs,
        Warnings = new DiagnosticSink(_diagnostics),
    };

    private IReleaseJournal OpenJournal(string tag) =>
        Pushing && HasPublishWork ? _ports.Repository.OpenJournal(_request.Remote, tag, _credentials, _diagnostics.Add) : new MemoryReleaseJournal();

    /// <summary>Whether anything runs after the push (plugins, publish/success hooks): only then is there something a rerun must complete.</summary>
    private bool HasPublishWork => Plugins.Count > 0 || Settings.Hooks.PublishCmd is not null || Settings.Hooks.SuccessCmd is not null;

    /// <summary>Lets plugins add warnings to the run's diagnostics without seeing the rest of the list.</summary>
    private sealed class DiagnosticSink(List<Diagnostic> target) : System.Collections.ObjectModel.Collection<Diagnostic>
    {
        protected override void InsertItem(int index, Diagnostic item)
        {
            base.InsertItem(index, item);
            target.Add(item);
        }
    }
}
