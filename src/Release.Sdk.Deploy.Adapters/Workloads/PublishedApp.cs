using System.Text.Json;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Workloads;

/// <summary>The command that runs a published app: <c>dotnet App.dll</c>, or the apphost for a self-contained publish.</summary>
internal sealed record PublishedApp(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    public static PublishedApp Find(string publishDirectory, string? appName)
    {
        if (!Directory.Exists(publishDirectory))
            throw new ReleaseException(DiagnosticCatalog.WorkloadAppNotFound,
                $"The publish directory {publishDirectory} does not exist. Publish the app first (dotnet publish) and pass its output directory.");

        var configs = Directory.GetFiles(publishDirectory, "*.runtimeconfig.json")
            .Select(f => Path.GetFileName(f)[..^".runtimeconfig.json".Length])
            .Where(n => File.Exists(Path.Combine(publishDirectory, n + ".dll")))
            .ToList();
        var name = appName ?? (configs.Count == 1 ? configs[0] : null);
        if (name is null || !configs.Contains(name, StringComparer.Ordinal))
            throw new ReleaseException(DiagnosticCatalog.WorkloadAppNotFound, configs.Count == 0
                ? $"{publishDirectory} has no app (no NAME.dll with NAME.runtimeconfig.json). Pass the output directory of `dotnet publish` of an executable project."
                : $"{publishDirectory} has {(appName is null ? "several apps" : $"no app named {appName}")} ({string.Join(", ", configs)}). Name the one to run (the workload's AppName / ReleaseDeployAppName).");

        var dll = Path.Combine(publishDirectory, name + ".dll");
        var apphost = Path.Combine(publishDirectory, name);
        return IsSelfContained(Path.Combine(publishDirectory, name + ".runtimeconfig.json")) && File.Exists(apphost)
            ? new PublishedApp(name, apphost, [])
            : new PublishedApp(name, Processes.DotnetHost.Path, [dll]);
    }

    /// <summary>Self-contained apps list "includedFrameworks" instead of "framework(s)" and cannot run under the shared muxer.</summary>
    private static bool IsSelfContained(string runtimeConfig)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
            return json.RootElement.TryGetProperty("runtimeOptions", out var options) && options.TryGetProperty("includedFrameworks", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
