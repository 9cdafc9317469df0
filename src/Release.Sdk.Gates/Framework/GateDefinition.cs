namespace Release.Sdk.Gates.Framework;

/// <summary>
/// One configured gate, from a <c>ReleaseGate</c> item (or a built-in's enabling property).
/// </summary>
/// <param name="Name">The item's Include: unique; names the gate in the report, the MSBuild line and errors.</param>
/// <param name="Kind">A <see cref="GateKinds"/> value (metadata Kind; default: the name, or "command" when Command is set).</param>
/// <param name="Settings">All of the item's metadata (case-insensitive), handed to the gate as <see cref="GateContext.Settings"/>.</param>
/// <param name="Blocking">false (metadata Blocking=false): a failure is reported as a warning and never blocks.</param>
/// <param name="Timeout">Metadata Timeout, else ReleaseGateTimeout: past it the gate's processes are killed and it fails.</param>
/// <param name="ExclusiveGroup">Gates sharing a group run one after another (see <see cref="GateLanes"/>); null: runs alongside anything.</param>
internal sealed record GateDefinition(
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Settings,
    bool Blocking,
    TimeSpan Timeout,
    string? ExclusiveGroup);

/// <summary>Framework metadata every ReleaseGate item may carry, whatever its kind.</summary>
internal static class GateMetadata
{
    public const string Kind = "Kind";
    public const string Enabled = "Enabled";
    public const string Blocking = "Blocking";
    public const string Timeout = "Timeout";
    public const string ExclusiveGroup = "ExclusiveGroup";
    public const string Command = "Command";

    /// <summary>Set by the configuration reader, not by users: where the gate's relative paths start (see GateSettings.BaseDirectory).</summary>
    public const string BaseDirectory = "BaseDirectory";

    /// <summary>"property" on items the targets add for ReleaseGateXxx=true: an explicit item of the same name wins, taking the property's metadata only where it has none.</summary>
    public const string Source = "Source";

    /// <summary>ExclusiveGroup value that opts a gate out of its kind's default group.</summary>
    public const string NoGroup = "none";

    /// <summary>
    /// The group of gates that build the released project: two concurrent <c>dotnet build</c>s of one project write
    /// the same obj/ and bin/ files (project.assets.json, the compiled assembly, the incremental caches) and fail or
    /// corrupt each other, so these gates run one after another; the docs and command gates run beside them.
    /// </summary>
    public const string ProjectBuildGroup = "project-build";

    public static string? DefaultGroup(string kind) => kind.ToLowerInvariant() switch
    {
        GateKinds.Coverage or GateKinds.Security or GateKinds.Vulnerable or GateKinds.Container
            or GateKinds.Benchmark or GateKinds.ApiCompat or GateKinds.EfMigrations => ProjectBuildGroup,
        _ => null,
    };
}
