namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// Release types in ascending order of significance. <see cref="None"/> is "no release"; in a release rule it is
/// semantic-release's <c>"release": false</c>.
/// </summary>
internal enum ReleaseType
{
    None = 0,
    Patch = 1,
    Minor = 2,
    Major = 3,
}
