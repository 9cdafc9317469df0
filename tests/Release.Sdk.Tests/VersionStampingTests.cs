using System.IO.Compression;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Release.Sdk.Tests;

/// <summary>What gets stamped, packed and exposed as properties for the common histories.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class VersionStampingTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void PackUsesTheBuildVersionForNupkgAndNuspec()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.Pack();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var nupkg = Path.Combine(consumer.Path, "nupkgs", "App.1.3.0-alpha.0.1.nupkg");
        Assert.True(File.Exists(nupkg), $"{nupkg} missing; found: {string.Join(", ", Directory.GetFiles(Path.GetDirectoryName(nupkg)!))}\n{consumer.Explain(result)}");
        Assert.Equal(Scenarios.BuildVersionAfterFeat(sha), NuspecVersion(nupkg));
    }

    [Fact]
    public void ReleaseCreateStampsTheReleaseVersion()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        // Stamping only: the release run after Pack is ReleaseRunTests' subject (this repository has no origin to push to).
        var result = consumer.Pack("-p:ReleaseCreate=true", "-p:ReleaseRunAfterPack=false");

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Equal(new AssemblyAttributes("1.0.0.0", "1.3.0.0", "1.3.0"), AssemblyAttributes.Read(Path.Combine(consumer.Path, "bin", "Release", "net10.0", "App.dll")));
        Assert.Equal("1.3.0", NuspecVersion(Path.Combine(consumer.Path, "nupkgs", "App.1.3.0.nupkg")));
    }

    [Fact]
    public void TaggedCommitBuildsExactlyTheTagsVersion()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.Repo.Tag("v2.0.0");
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var attributes = consumer.Attributes();
        Assert.Equal(("2.0.0.0", "2.0.0.0"), (attributes.AssemblyVersion, attributes.FileVersion));
        Assert.Equal("2.0.0", attributes.InformationalVersion);
    }

    [Fact]
    public void OutputPropertiesDescribeTheDecision()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.GetProperties("ReleaseComputeVersion",
            ["ReleaseVersion", "ReleaseNextVersion", "ReleaseBump", "ReleasePreviousTag", "ReleaseBranch", "ReleaseChannel", "Version", "PackageVersion", "FileVersion", "AssemblyVersion", "SourceRevisionId"]);

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var properties = PropertiesJson(result.StdOut);
        Assert.Equal(Scenarios.BuildVersionAfterFeat(sha), properties["ReleaseVersion"]);
        Assert.Equal("1.3.0", properties["ReleaseNextVersion"]);
        Assert.Equal("minor", properties["ReleaseBump"]);
        Assert.Equal("v1.2.3", properties["ReleasePreviousTag"]);
        Assert.Equal("main", properties["ReleaseBranch"]);
        Assert.Equal("", properties["ReleaseChannel"]);
        Assert.Equal(properties["ReleaseVersion"], properties["Version"]);
        Assert.Equal(properties["ReleaseVersion"], properties["PackageVersion"]);
        Assert.Equal(("1.3.0.0", "1.0.0.0"), (properties["FileVersion"], properties["AssemblyVersion"]));
        Assert.Equal(sha, properties["SourceRevisionId"]);
    }

    [Fact]
    public void ReleaseRuleItemsDecideTheBump()
    {
        using var consumer = new Consumer(sdk, output);
        consumer.Repo.Commit("fix: first fix");
        consumer.Repo.Tag("v1.2.3");
        var sha = consumer.Repo.Commit("chore(deps): update everything");
        consumer.WriteProject($"""
            {Scenarios.SdkElement(sdk.Version)}
              <ItemGroup>
                <ReleaseRule Include="dependency updates" Type="chore" Scope="deps" Release="minor" />
              </ItemGroup>
            """);

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Equal($"1.3.0-alpha.0.1+{sha[..7]}", consumer.Attributes().InformationalVersion);
    }

    private static string NuspecVersion(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return document.Descendants().Single(e => e.Name.LocalName == "version").Value;
    }

    /// <summary>Parses <c>-getProperty</c> output: a JSON object with "Properties" for several names.</summary>
    internal static Dictionary<string, string> PropertiesJson(string stdout)
    {
        var json = System.Text.Json.JsonDocument.Parse(stdout[stdout.IndexOf('{')..]);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}
