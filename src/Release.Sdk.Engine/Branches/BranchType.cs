namespace Release.Sdk.Engine.Branches;

internal enum BranchType
{
    Release,
    Maintenance,
    Prerelease,
}
