using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Adapters.Workloads;

/// <summary>One running instance as recorded in STATE/instances/NAME.json.</summary>
internal sealed record InstanceRecord(
    string Name, string Group, string Version, string Host, int Port, int Pid, string StartTime, string PublishDirectory, DateTimeOffset StartedAt)
{
    public ProcessIdentity Process => new(Pid, StartTime);

    public BackendInstance ToInstance() => new(Name, Group, Version, Host, Port);
}
