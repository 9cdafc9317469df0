using System.IO.Compression;
using System.Text.Json.Nodes;
using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// The issue's sample repository: the seed's .releaserc.json (its exec hooks replaced by commands that write marker
/// files under the ignored markers/ folder), a Helm chart, a docs/conf.py-style file stamped by regex, a project that
/// plugs a target into several lifecycle steps, and a local bare repository as origin. History: v1.0.0, then a feat
/// and a fix, so the release is 1.1.0.
/// </summary>
internal sealed class ReleaseSample : IDisposable
{
    public const string Version = "1.1.0";
    public const string Tag = "v1.1.0";

    public Consumer Consumer { get; }

    public TempGitRepo Origin { get; }

    public TempGitRepo Repo => Consumer.Repo;

    public ReleaseSample(PackedSdk sdk, ITestOutputHelper output)
    {
        Consumer = new Consumer(sdk, output);
        Origin = new TempGitRepo(init: false);
        Origin.Git("init", "-q", "--bare", "-b", "main");
        Consumer.WriteFile(".releaserc.json", SeedConfig());
        Consumer.WriteFile(".gitignore", "bin/\nobj/\nnupkgs/\nmarkers/\n");
        Consumer.WriteFile("helm/app/Chart.yaml", "apiVersion: v2\n# The app's chart\nname: app\nversion: 0.1.0\nappVersion: \"0.1.0\"\n");
        Consumer.WriteFile("docs/conf.py", "project = 'app'\nversion = '0.1.0'\nrelease = '0.1.0'\n");
        Consumer.WriteFile("App.csproj", Project(sdk.Version));
        Directory.CreateDirectory(Marker(""));
        Repo.Git("add", "-A");
        Repo.Commit("chore: initial import");
        Repo.Tag(PreviousTag);
        Repo.Commit("feat: add search");
        Repo.Commit("fix(api): check for null");
        Repo.Git("remote", "add", "origin", Origin.Path);
        Repo.Git("push", "-q", "origin", "main", "--tags");
    }

    public const string PreviousTag = "v1.0.0";

    public string Marker(string name) => Path.Combine(Consumer.Path, "markers", name);

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Consumer.Path, relativePath));

    public string OriginHeadSubject => Origin.Git("log", "-1", "--format=%s", "main");

    public string OriginTags => Origin.Git("tag", "--list");

    public ProcessRunner.Result Pack(params string[] extra) => Consumer.Pack(["-c", "Release", .. extra]);

    /// <summary>The nuspec inside the package the pack produced.</summary>
    public string Nuspec(string version)
    {
        using var archive = ZipFile.OpenRead(Path.Combine(Consumer.Path, "nupkgs", $"App.{version}.nupkg"));
        using var reader = new StreamReader(archive.GetEntry("App.nuspec")!.Open());
        return reader.ReadToEnd();
    }

    public string Explain(ProcessRunner.Result result) =>
        Consumer.Explain(result) + $"\n--- origin ---\n{Origin.Git("log", "--all", "--decorate", "--format=%h %d %s")}";

    public void Dispose()
    {
        Consumer.Dispose();
        Origin.Dispose();
    }

    // Targets plugged into the lifecycle write what they saw, so the tests can tell the extension points ran, and when.
    private static string Project(string sdkVersion) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
        {{Scenarios.SdkElement(sdkVersion)}}
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <RepositoryUrl>https://github.com/acme/app</RepositoryUrl>
            <!-- GitHub is out of reach: no GitHub release unless a test points the plugin at the contract server. -->
            <ReleaseGitHub Condition="'$(ReleaseGitHub)' == ''">false</ReleaseGitHub>
            <ReleaseVerifyReleaseDependsOn>$(ReleaseVerifyReleaseDependsOn);RecordVerifyRelease</ReleaseVerifyReleaseDependsOn>
            <ReleasePublishDependsOn>$(ReleasePublishDependsOn);RecordPublish</ReleasePublishDependsOn>
            <ReleaseFailDependsOn>$(ReleaseFailDependsOn);RecordFail</ReleaseFailDependsOn>
          </PropertyGroup>
          <ItemGroup>
            <ReleaseVersionFile Include="helm/app/Chart.yaml" />
            <ReleaseVersionFile Include="docs/conf.py" Pattern="(?&lt;=version = ')[^']+" Replacement="${version}" />
            <ReleaseVersionFile Include="docs/conf.py" Pattern="(?&lt;=release = ')[^']+" Replacement="${version}" />
            <ReleaseRule Include="api" Scope="api" Release="major" Condition="'$(ApiIsMajor)' == 'true'" />
          </ItemGroup>
          <Target Name="RecordVerifyRelease">
            <WriteLinesToFile File="markers/msbuild-verify-release.txt" Lines="$(ReleaseNextVersion)" Overwrite="true" />
            <Error Condition="'$(FailGate)' == 'true'" Code="GATE1" Text="The quality gate failed." />
          </Target>
          <Target Name="RecordPublish">
            <WriteLinesToFile File="markers/msbuild-publish.txt" Lines="$(ReleaseNextTag)" Overwrite="true" />
          </Target>
          <Target Name="RecordFail">
            <WriteLinesToFile File="markers/msbuild-fail.txt" Lines="failed" Overwrite="true" />
          </Target>
        </Project>
        """;

    /// <summary>The seed's .releaserc.json as received (seed.releaserc.json, copied from the seed document), with its Python hooks replaced and its git assets naming this sample's files.</summary>
    private static string SeedConfig()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReleaseRun", "seed.releaserc.json"));
        var config = JsonNode.Parse(json)!.AsObject();
        foreach (var plugin in config["plugins"]!.AsArray())
        {
            if (plugin is not JsonArray { Count: 2 } entry) continue;
            var options = entry[1]!.AsObject();
            switch ((string?)entry[0])
            {
                case "@semantic-release/exec":
                    options["verifyReleaseCmd"] = "echo ${nextRelease.version} > markers/verified.txt";
                    options["prepareCmd"] = "echo ${nextRelease.version} > markers/prepared.txt";
                    options["publishCmd"] = "echo ${nextRelease.version} > markers/published.txt";
                    options["successCmd"] = "echo ${nextRelease.version} > markers/success.txt";
                    options["failCmd"] = "echo ${nextRelease.version} > markers/fail-hook.txt";
                    break;
                case "@semantic-release/git":
                    options["assets"] = new JsonArray("CHANGELOG.md", "helm/app/Chart.yaml", "docs/conf.py");
                    break;
            }
        }
        return config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
