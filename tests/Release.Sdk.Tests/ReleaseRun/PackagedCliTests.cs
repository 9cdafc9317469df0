using System.IO.Compression;
using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>dotnet-release ships inside the package and runs from it (its own deps.json finds the libgit2 natives).</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class PackagedCliTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void CliRunsFromTheExtractedPackage()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        var extracted = Path.Combine(consumer.Path, "..", Path.GetFileName(consumer.Path) + "-pkg");
        ZipFile.ExtractToDirectory(sdk.Nupkg, extracted);
        try
        {
            var result = consumer.Dotnet([Path.Combine(extracted, "tasks", "net10.0", "dotnet-release.dll"), "version", "--cwd", consumer.Path]);

            Assert.True(result.ExitCode == 0, consumer.Explain(result));
            Assert.StartsWith("Release.Sdk: 1.3.0-alpha.0.1", result.StdOut);
        }
        finally
        {
            TempGitRepo.DeleteDirectory(extracted);
        }
    }
}
