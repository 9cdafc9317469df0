using System.Reflection;
using Release.Sdk.TestKit;

namespace Release.Sdk.Tests;

/// <summary>
/// Packs src/Release.Sdk once per test run, with a version no earlier run used (MSBuild nodes and NuGet caches would
/// otherwise serve a stale package), into a temp folder feed; every consumer restores into the run's own
/// NUGET_PACKAGES folder.
/// </summary>
public sealed class PackedSdk : IDisposable
{
    public string Version { get; } = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "rsdk-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

    public string Nupkg => Path.Combine(Feed, $"Release.Sdk.{Version}.nupkg");

    public PackedSdk()
    {
        // A missing folder feed is a hard restore error (NU1301).
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);
        var project = Path.Combine(RepositoryRoot, "src", "Release.Sdk", "Release.Sdk.csproj");
        var result = ProcessRunner.Run("dotnet",
            // --artifacts-path keeps this build's bin/obj out of the working tree, where an IDE or build/pack.sh may be building.
            ["pack", project, "-c", "Release", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", $"-p:Version={Version}",
             "--artifacts-path", Path.Combine(Root, "artifacts"), "-o", Feed],
            RepositoryRoot, Consumer.DotnetEnvironment(Packages), TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0 || !File.Exists(Nupkg))
        {
            Dispose(); // xunit does not dispose a fixture whose constructor threw
            throw new InvalidOperationException($"Packing Release.Sdk {Version} failed ({result.ExitCode}):\n{result.Output}");
        }
    }

    public static string RepositoryRoot { get; } = typeof(PackedSdk).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public void Dispose()
    {
        try { TempGitRepo.DeleteDirectory(Root); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
