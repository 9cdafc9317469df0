namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The parts of semantic-release's plugin context that exec commands and the commit message may use. Null values
/// render empty, as lodash templates render undefined (e.g. <c>${lastRelease.version}</c> on a first release).
/// </summary>
internal sealed record TemplateValues(
    string? BranchName,
    string? LastVersion,
    string? LastTag,
    string? NextVersion = null,
    string? NextTag = null,
    string? NextType = null,
    string? NextChannel = null,
    string? Notes = null)
{
    /// <summary>The value of a property path, or false when the path is not one of the supported ones.</summary>
    public bool TryGet(string path, out string? value)
    {
        value = path switch
        {
            "branch.name" or "branch" => BranchName,
            "lastRelease.version" => LastVersion,
            "lastRelease.gitTag" or "lastRelease.name" => LastTag,
            "nextRelease.version" => NextVersion,
            "nextRelease.gitTag" or "nextRelease.name" => NextTag,
            "nextRelease.type" => NextType,
            "nextRelease.channel" => NextChannel,
            "nextRelease.notes" => Notes,
            _ => Unknown,
        };
        if (ReferenceEquals(value, Unknown)) { value = null; return false; }
        return true;
    }

    private static readonly string Unknown = new('?', 1);
}
