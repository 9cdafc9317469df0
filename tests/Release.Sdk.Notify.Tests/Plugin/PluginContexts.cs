using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Notify.Tests.Plugin;

/// <summary>A release context as the orchestrator hands it to plugins, with an in-memory journal, log, outputs and warnings.</summary>
internal sealed class PluginContexts
{
    public MemoryReleaseJournal Journal { get; init; } = new();
    public List<string> Log { get; } = [];
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);
    public List<Diagnostic> Warnings { get; } = [];

    public ReleaseContext Context(string version = "1.2.0", IReadOnlyDictionary<string, string?>? environment = null, JsonObject? config = null) => new()
    {
        Version = version,
        Tag = $"v{version}",
        PreviousVersion = "1.1.0",
        PreviousTag = "v1.1.0",
        Branch = "main",
        Channel = version.Contains('-', StringComparison.Ordinal) ? "beta" : null,
        Notes = "## 1.2.0 (2026-03-04)\n\n### Features\n\n* **api:** paging\n",
        ReleaseType = "minor",
        RepositoryUrl = "https://github.com/acme/widget.git",
        WorkingDirectory = Path.GetTempPath(),
        Environment = environment ?? new Dictionary<string, string?>(),
        Config = config,
        Journal = Journal,
        Log = Log.Add,
        Outputs = Outputs,
        Warnings = Warnings,
    };
}
