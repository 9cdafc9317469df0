using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>The configuration inputs every task that computes a version takes (the same MSBuild properties and items).</summary>
internal interface IConfigurationInputs
{
    string? TagPrefix { get; }
    string? TagFormat { get; }
    string? Preset { get; }
    string? BuildLabel { get; }
    string? ConfigFile { get; }
    string? NoteKeywords { get; }
    ITaskItem[] Branches { get; }
    ITaskItem[] Rules { get; }
    bool DeepenShallowClone { get; }
}
