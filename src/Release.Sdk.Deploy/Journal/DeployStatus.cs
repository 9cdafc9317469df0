namespace Release.Sdk.Deploy.Journal;

internal enum DeployStatus
{
    Running,
    Paused,
    Completed,
    RolledBack,
}
