using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.NuGet;

/// <summary>
/// What the release orchestrator gives a plugin, built by hand: a settings section, the environment (CI variables
/// scrubbed, NuGet's HTTP cache in the test's folder, fast retries), a journal that lives as long as this object (a
/// new PluginRun over the same folder is a rerun on another machine) and the captured log.
/// </summary>
internal sealed class PluginRun
{
    public List<string> Log { get; } = [];

    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    public List<Diagnostic> Warnings { get; } = [];

    public MemoryReleaseJournal Journal { get; } = new();

    public Dictionary<string, string?> Environment { get; }

    public string WorkingDirectory { get; }

    public PluginRun(string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        WorkingDirectory = workingDirectory;
        Environment = TestEnvironment.CleanEnvironment();
        // NuGet caches service indexes for 30 minutes: each test's server (a new port) must be asked afresh.
        Environment["NUGET_HTTP_CACHE_PATH"] = Path.Combine(workingDirectory, ".nuget-http-cache");
        Environment["NUGET_ENHANCED_NETWORK_RETRY_DELAY_MILLISECONDS"] = "50";
        Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        Environment.Remove("NUGET_API_KEY");
        if (environment is not null) foreach (var (k, v) in environment) Environment[k] = v;
    }

    public string AllLog => string.Join('\n', Log);

    public ReleaseContext Context(JsonObject? settings, string? version = "1.2.3", bool dryRun = false, bool resumed = false) => new()
    {
        Version = version,
        Tag = version is null ? null : $"v{version}",
        WorkingDirectory = WorkingDirectory,
        Environment = Environment,
        DryRun = dryRun,
        Resumed = resumed,
        Settings = settings,
        Journal = Journal,
        Log = Log.Add,
        Outputs = Outputs,
        Warnings = Warnings,
    };

    /// <summary>A "nuget" settings section as Release.Sdk.NuGet.targets writes it.</summary>
    public static JsonObject NuGetSettings(string source, IEnumerable<string> packages, params (string Key, string Value)[] extra)
    {
        var section = new JsonObject { ["source"] = source };
        foreach (var (key, value) in extra) section[key] = value;
        section["packages"] = new JsonArray(packages.Select(p => (JsonNode)new JsonObject { ["spec"] = p, ["path"] = p }).ToArray());
        return section;
    }
}
