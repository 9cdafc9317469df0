namespace Release.Sdk.Gates.Tooling;

/// <summary>
/// The dotnet executable the gates run: the one MSBuild itself runs under (DOTNET_HOST_PATH, set by the SDK for tasks
/// and tools) so a gate uses the same SDK as the build, else "dotnet" from PATH.
/// </summary>
internal static class DotnetHost
{
    public static string Resolve(IReadOnlyDictionary<string, string?> environment) =>
        environment.TryGetValue("DOTNET_HOST_PATH", out var path) && !string.IsNullOrWhiteSpace(path) ? path : "dotnet";
}
