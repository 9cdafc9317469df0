using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// A task that computes the version: it takes the configuration properties and items every such task takes (the
/// targets pass the same Release* properties and ReleaseBranch/ReleaseRule items to each).
/// </summary>
public abstract class ReleaseConfiguredTask : ReleaseTask, IConfigurationInputs
{
    [Required] public string ProjectDirectory { get; set; } = "";
    public string? TagPrefix { get; set; }
    public string? TagFormat { get; set; }
    public string? Preset { get; set; }
    public string? BuildLabel { get; set; }
    public string? ConfigFile { get; set; }
    public string? NoteKeywords { get; set; }
    public ITaskItem[] Branches { get; set; } = [];
    public ITaskItem[] Rules { get; set; } = [];
    public bool DeepenShallowClone { get; set; }
}
