using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Build.Framework;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Tasks;

/// <summary>
/// Writes the release run's MSBuild settings (ReleaseVersionFile items, exec hook properties, changelog, commit and
/// push settings, and the version computation's own settings) as the JSON file <c>dotnet-release release --settings</c> reads. Only what is set is written, so
/// .releaserc.json and the defaults fill the rest. Never a secret: the token stays in the environment.
/// </summary>
public sealed class ReleaseWriteRunSettings : ReleaseTask, IConfigurationInputs
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Required] public string ProjectDirectory { get; set; } = "";
    [Required] public string SettingsFile { get; set; } = "";
    public ITaskItem[] VersionFiles { get; set; } = [];

    // One property per hook: "name=command" pairs in one property would break on the '=' and ';' commands contain.
    public string? VerifyConditionsCmd { get; set; }
    public string? AnalyzeCommitsCmd { get; set; }
    public string? VerifyReleaseCmd { get; set; }
    public string? GenerateNotesCmd { get; set; }
    public string? PrepareCmd { get; set; }
    public string? PublishCmd { get; set; }
    public string? SuccessCmd { get; set; }
    public string? FailCmd { get; set; }
    public string? GenerateChangelog { get; set; }
    public string? ChangelogFile { get; set; }
    public string? ChangelogTitle { get; set; }
    public string? TagOnly { get; set; }
    public string? GitAssets { get; set; }
    public string? CommitMessage { get; set; }
    public string? TokenVariable { get; set; }
    public string? RepositoryUrl { get; set; }
    public string? TagPrefix { get; set; }
    public string? TagFormat { get; set; }
    public string? Preset { get; set; }
    public string? BuildLabel { get; set; }
    public string? NoteKeywords { get; set; }
    public ITaskItem[] Branches { get; set; } = [];
    public ITaskItem[] Rules { get; set; } = [];

    /// <summary>Plugin properties: Include = plugin name, metadata Key and Value (empty values are left out).</summary>
    public ITaskItem[] PluginSettings { get; set; } = [];

    /// <summary>Plugin item lists: Include = a path or glob, metadata Section (plugin name) and List; other metadata is copied.</summary>
    public ITaskItem[] PluginItems { get; set; } = [];

    // The CLI takes the configuration file and shallow-clone deepening as options (--config, --deepen).
    string? IConfigurationInputs.ConfigFile => null;
    bool IConfigurationInputs.DeepenShallowClone => false;

    protected override void ExecuteCore()
    {
        var repository = ReleaseRepository.Find(ProjectDirectory) ?? throw new ReleaseException(DiagnosticCatalog.NoRepository,
            $"No git repository was found at or above {ProjectDirectory}, so there is nothing to release. Run the release in a git clone, or set ReleaseCreate=false.");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            WriteVersionFiles(json, repository);
            WriteHooks(json);
            WriteFlag(json, "generateChangelog", GenerateChangelog, "ReleaseGenerateChangelog");
            WriteString(json, "changelogFile", ChangelogFile is { Length: > 0 } file ? repository.Relative(Path.GetFullPath(file, ProjectDirectory)) : null);
            WriteString(json, "changelogTitle", ChangelogTitle);
            WriteFlag(json, "tagOnly", TagOnly, "ReleaseTagOnly");
            var assets = GitAssets?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (assets is { Length: > 0 })
            {
                json.WriteStartArray("assets");
                foreach (var glob in assets) json.WriteStringValue(glob.Replace('\\', '/'));
                json.WriteEndArray();
            }
            WriteString(json, "commitMessage", CommitMessage);
            WriteString(json, "tokenVariable", TokenVariable);
            WriteString(json, "repositoryUrl", RepositoryUrl);
            ComputationSettingsJson.Write(json, this);
            PluginSettingsJson.Write(json, PluginSettings, PluginItems, ProjectDirectory, repository);
            json.WriteEndObject();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SettingsFile))!);
        File.WriteAllBytes(SettingsFile, buffer.ToArray());
    }

    protected override void ApplyDesignTimeFallback() { }

    // Items are relative to the project; the release run takes paths relative to the repository root.
    private void WriteVersionFiles(Utf8JsonWriter json, ReleaseRepository repository)
    {
        if (VersionFiles.Length == 0) return;
        json.WriteStartArray("versionFiles");
        foreach (var item in VersionFiles)
        {
            json.WriteStartObject();
            json.WriteString("path", repository.Relative(Path.GetFullPath(item.ItemSpec, ProjectDirectory)));
            WriteString(json, "kind", item.GetMetadata("Kind"));
            WriteString(json, "pattern", item.GetMetadata("Pattern"));
            WriteString(json, "replacement", item.GetMetadata("Replacement"));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private void WriteHooks(Utf8JsonWriter json)
    {
        string?[] commands = [VerifyConditionsCmd, AnalyzeCommitsCmd, VerifyReleaseCmd, GenerateNotesCmd, PrepareCmd, PublishCmd, SuccessCmd, FailCmd];
        if (commands.All(string.IsNullOrWhiteSpace)) return;
        json.WriteStartObject("hooks");
        for (var i = 0; i < commands.Length; i++) WriteString(json, ExecHooks.OptionNames[i], commands[i]);
        json.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) json.WriteString(name, value);
    }

    private static void WriteFlag(Utf8JsonWriter json, string name, string? value, string property)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!bool.TryParse(value, out var flag))
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidProperty, $"{property}=\"{value}\" must be true or false. Fix the property in the project (or Directory.Build.props).");
        }
        json.WriteBoolean(name, flag);
    }
}
