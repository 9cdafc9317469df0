using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.Sbom;
using Release.Sdk.Publish.Tests.NuGet;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.Sbom;

/// <summary>
/// The real CycloneDX tool (pinned in the repository's tool manifest; `dotnet tool restore` puts it in the NuGet global
/// packages folder, which .ci/run does) on a tiny library that references one package. Everything comes from the global
/// packages folder, used as the fixture's only package source: no network.
/// </summary>
[Trait("Category", "E2E")]
public sealed class SbomPluginTests : IDisposable
{
    private readonly TempGitRepo _dir = new(init: false);

    private string Project => Path.Combine(_dir.Path, "src", "Lib", "Lib.csproj");

    private string Bom => Path.Combine(_dir.Path, "src", "Lib", "obj", "release-sbom", "bom.json");

    [Fact]
    public void WritesACycloneDxJsonSbomOfTheProjectInVerifyRelease_AndAgainInAResumedPublishWhenMissing()
    {
        var (package, version) = WriteFixture(withToolManifest: true);
        Restore();
        var run = new PluginRun(_dir.Path);
        var plugin = new SbomPlugin();

        plugin.VerifyRelease(run.Context(Settings()));

        Assert.Equal(Bom, run.Outputs[SbomPlugin.PathOutput]);
        using (var bom = JsonDocument.Parse(File.ReadAllText(Bom)))
        {
            var root = bom.RootElement;
            Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
            var component = root.GetProperty("metadata").GetProperty("component");
            Assert.Equal(("Fixture.Lib", "1.2.3", "library"), (component.GetProperty("name").GetString(), component.GetProperty("version").GetString(), component.GetProperty("type").GetString()));
            Assert.Contains(root.GetProperty("components").EnumerateArray(),
                c => c.GetProperty("name").GetString() == package && c.GetProperty("version").GetString() == version);
        }
        Assert.Contains("Wrote the SBOM (CycloneDX) to src/Lib/obj/release-sbom/bom.json.", run.Log);

        // A rerun on a fresh machine skips verify release: publish writes the SBOM before the GitHub plugin attaches it.
        File.Delete(Bom);
        var rerun = new PluginRun(_dir.Path);
        plugin.Publish(rerun.Context(Settings(), resumed: true));
        Assert.True(File.Exists(Bom));
        Assert.Equal(Bom, rerun.Outputs[SbomPlugin.PathOutput]);
    }

    [Fact]
    public void WithoutTheToolInTheManifestTheErrorSaysHowToInstallIt()
    {
        WriteFixture(withToolManifest: false);
        Restore();
        var run = new PluginRun(_dir.Path);

        var error = Assert.Throws<ReleaseException>(() => new SbomPlugin().VerifyRelease(run.Context(Settings())));

        Assert.Equal("RSDK6035", error.Code);
        Assert.Contains($"dotnet tool install {CycloneDxCommand.ToolPackage} --version {CycloneDxCommand.ToolVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectThatWasNeverRestoredIsACodedError()
    {
        WriteFixture(withToolManifest: true);
        var run = new PluginRun(_dir.Path);

        var error = Assert.Throws<ReleaseException>(() => new SbomPlugin().VerifyRelease(run.Context(Settings())));

        Assert.Equal("RSDK6036", error.Code);
        Assert.False(File.Exists(Bom));
    }

    [Fact]
    public void ThePluginIsCreatedOnlyWhenReleaseSbomIsTrue()
    {
        Assert.Null(SbomPlugin.Create(null));
        Assert.Null(SbomPlugin.Create(new JsonObject { ["sbom"] = new JsonObject { ["enabled"] = "false" } }));
        Assert.Equal("sbom", SbomPlugin.Create(new JsonObject { ["sbom"] = new JsonObject { ["enabled"] = "true" } })!.Name);
    }

    public void Dispose() => _dir.Dispose();

    // As Release.Sdk.NuGet.targets writes them.
    private JsonObject Settings() => new()
    {
        ["enabled"] = "true",
        ["project"] = Project,
        ["output"] = Bom,
        ["name"] = "Fixture.Lib",
        ["type"] = "Library",
    };

    /// <summary>The fixture references Markdig, which the engine uses, so the global packages folder has it.</summary>
    private (string Package, string Version) WriteFixture(bool withToolManifest)
    {
        var packageVersion = Directory.GetDirectories(Path.Combine(GlobalPackages, "markdig"))
            .Where(d => Directory.EnumerateFiles(d, "*.nupkg").Any())
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).Last();
        Write(Project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Markdig" Version="{packageVersion}" /></ItemGroup>
            </Project>
            """);
        Write(Path.Combine(_dir.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="global-packages" value="{GlobalPackages}" /></packageSources>
            </configuration>
            """);
        if (withToolManifest)
            Write(Path.Combine(_dir.Path, ".config", "dotnet-tools.json"), $$"""
                {
                  "version": 1,
                  "isRoot": true,
                  "tools": {
                    "cyclonedx": { "version": "{{CycloneDxCommand.ToolVersion}}", "commands": [ "dotnet-CycloneDX" ], "rollForward": false }
                  }
                }
                """);
        return ("Markdig", packageVersion);
    }

    private void Restore()
    {
        var restore = ProcessRunner.Run("dotnet", ["restore", Project], _dir.Path,
            new Dictionary<string, string?> { ["DOTNET_CLI_UI_LANGUAGE"] = "en", ["MSBUILDDISABLENODEREUSE"] = "1" }, TimeSpan.FromMinutes(2));
        Assert.True(restore.ExitCode == 0, restore.Output);
    }

    private static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
