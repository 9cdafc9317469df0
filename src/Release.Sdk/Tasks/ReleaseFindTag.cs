using LibGit2Sharp;
using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// After the release run: whether the release tag now exists in the repository, i.e. whether the run released
/// (a run that found the remote moved, or failed, leaves no tag), so the publish and success targets know.
/// </summary>
public sealed class ReleaseFindTag : ReleaseTask
{
    [Required] public string ProjectDirectory { get; set; } = "";
    [Required] public string Tag { get; set; } = "";

    [Output] public bool Exists { get; private set; }

    protected override void ExecuteCore()
    {
        if (Repository.Discover(ProjectDirectory) is not { } gitDirectory) return;
        using var repository = new Repository(gitDirectory);
        Exists = repository.Tags[Tag] is not null;
    }

    protected override void ApplyDesignTimeFallback() => Exists = false;
}
