namespace Release.Sdk.Deploy.Ports;

/// <summary>One running instance of the app behind a router.</summary>
/// <param name="Name">Unique within the deploy, e.g. "web-1.4.0-2"; the router's server/destination name.</param>
/// <param name="Group">The version group it serves: "stable" or "canary" (blue-green: the active and the preview colour).</param>
/// <param name="Version">The app version the instance runs.</param>
internal sealed record BackendInstance(string Name, string Group, string Version, string Host, int Port)
{
    public Uri BaseAddress => new($"http://{Host}:{Port}/");
}
