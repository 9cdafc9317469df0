using System.Globalization;
using System.Text.RegularExpressions;
using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Workloads;

/// <summary>
/// IWorkload as processes on this machine: each instance is the published app started detached on a free loopback port
/// (ASPNETCORE_URLS=http://127.0.0.1:PORT) with RELEASE_SDK_INSTANCE, RELEASE_SDK_VERSION and RELEASE_SDK_GROUP set.
/// Instances are recorded in the state directory, so `status`, `abort` or `down` from another shell see and stop them.
/// </summary>
internal sealed partial class LocalProcessWorkload(LocalProcessWorkloadOptions options) : IWorkload
{
    private const string Host = "127.0.0.1";

    private string InstancesDirectory => Path.Combine(Path.GetFullPath(options.StateDirectory), "instances");

    public async Task<BackendInstance> StartAsync(string group, string version, string publishDirectory, CancellationToken cancellationToken)
    {
        var app = PublishedApp.Find(Path.GetFullPath(publishDirectory), options.AppName);
        Directory.CreateDirectory(InstancesDirectory);
        InstanceRecord record;
        await using (await FileLock.AcquireAsync(Path.Combine(InstancesDirectory, ".lock"), cancellationToken))
        {
            var name = NextName(app.Name, version);
            var port = FreePort.Next();
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["ASPNETCORE_URLS"] = $"http://{Host}:{port}",
                ["RELEASE_SDK_INSTANCE"] = name,
                ["RELEASE_SDK_VERSION"] = version,
                ["RELEASE_SDK_GROUP"] = group,
            };
            foreach (var (key, value) in options.Environment) environment[key] = value;
            if (options.EnvironmentFor?.Invoke(group, version) is { } extra)
                foreach (var (key, value) in extra) environment[key] = value;

            var identity = DetachedProcess.Start(app.FileName, app.Arguments, LogFile(name), Path.GetFullPath(publishDirectory), environment);
            record = new InstanceRecord(name, group, version, Host, port, identity.Pid, identity.StartTime, Path.GetFullPath(publishDirectory), DateTimeOffset.UtcNow);
            StateFile.Write(RecordFile(name), record, AdaptersJson.Default.InstanceRecord);
        }

        // A missing framework or a taken port ends the process at once; say so here rather than as a health timeout.
        await Task.Delay(150, cancellationToken);
        if (!record.Process.IsAlive())
        {
            File.Delete(RecordFile(record.Name));
            throw new ReleaseException(DiagnosticCatalog.WorkloadStartFailed,
                $"Instance {record.Name} of {app.Name} {version} exited right after it started. Its output ({LogFile(record.Name)}):\n{DetachedProcess.Tail(LogFile(record.Name))}");
        }
        return record.ToInstance();
    }

    public async Task StopAsync(string instanceName, CancellationToken cancellationToken)
    {
        var record = StateFile.Read(RecordFile(instanceName), AdaptersJson.Default.InstanceRecord);
        if (record is null) return;
        await record.Process.StopAsync(options.StopGrace, cancellationToken);
        File.Delete(RecordFile(instanceName));
    }

    public Task<IReadOnlyList<BackendInstance>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BackendInstance>>([.. Records().Where(r => r.Process.IsAlive()).Select(r => r.ToInstance())]);

    /// <summary>The recorded process of an instance (tests kill it; `status` shows pids).</summary>
    public InstanceRecord? Find(string instanceName) => StateFile.Read(RecordFile(instanceName), AdaptersJson.Default.InstanceRecord);

    private IEnumerable<InstanceRecord> Records() => Directory.Exists(InstancesDirectory)
        ? Directory.GetFiles(InstancesDirectory, "*.json").Select(f => StateFile.Read(f, AdaptersJson.Default.InstanceRecord)).OfType<InstanceRecord>().OrderBy(r => r.Name, StringComparer.Ordinal)
        : [];

    /// <summary>APP-VERSION-N with the lowest N not recorded yet (names are also HAProxy server names: [a-z0-9._-]).</summary>
    private string NextName(string appName, string version)
    {
        var stem = Unsafe().Replace($"{appName}-{version}".ToLowerInvariant(), "-");
        for (var n = 1; ; n++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!File.Exists(RecordFile(name))) return name;
        }
    }

    private string RecordFile(string name) => Path.Combine(InstancesDirectory, name + ".json");

    private string LogFile(string name) => Path.Combine(InstancesDirectory, name + ".log");

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex Unsafe();
}
