using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.NuGet;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.NuGet;

/// <summary>Settings, command lines and the checks that run before anything is written (no network, no push).</summary>
public sealed class NuGetSettingsTests : IDisposable
{
    private readonly TempGitRepo _dir = new(init: false);

    [Theory]
    [InlineData("https://api.nuget.org/v3/index.json", "Http")]
    [InlineData("http://127.0.0.1:5555/v3/index.json", "Http")]
    [InlineData("/srv/feed", "Folder")]
    [InlineData("artifacts/feed", "Folder")]
    [InlineData("./feed", "Folder")]
    [InlineData("file:///srv/feed", "Folder")]
    [InlineData("github", "Named")]
    public void SourcesAreClassified(string value, string kind) =>
        Assert.Equal(kind, NuGetSource.Parse(value, "ReleaseNuGetSource", "/repo").Kind.ToString());

    [Fact]
    public void RelativeFoldersAreRelativeToTheRepositoryRoot() =>
        Assert.Equal("/repo/artifacts/feed", NuGetSource.Parse("artifacts/feed", "ReleaseNuGetSource", "/repo").Value);

    [Fact]
    public void AnUnsupportedSchemeIsACodedError() =>
        Assert.Equal("RSDK6034", Assert.Throws<ReleaseException>(() => NuGetSource.Parse("ftp://feed/", "ReleaseNuGetSource", "/repo")).Code);

    [Fact]
    public void TheDisplayedSourceHasNoUserInfo() =>
        Assert.Equal("https://feed.example/v3/index.json", NuGetSource.Parse("https://me:pw@feed.example/v3/index.json", "S", "/r").Display);

    [Fact]
    public void AKeyPastedWhereTheVariableNameGoesIsRefusedWithoutEchoingIt()
    {
        var section = new JsonObject { ["source"] = "https://feed.example/v3/index.json", ["apiKeyVariable"] = "oy2abc-def+ghi/jkl=" };

        var error = Assert.Throws<ReleaseException>(() => NuGetSettings.Read(section, _dir.Path));

        Assert.Equal("RSDK6034", error.Code);
        Assert.DoesNotContain("oy2abc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("symbols", "maybe")]
    [InlineData("timeout", "0")]
    [InlineData("timeout", "ten")]
    public void InvalidValuesAreCodedErrors(string key, string value)
    {
        var section = new JsonObject { ["source"] = "feed", [key] = value };
        Assert.Equal("RSDK6034", Assert.Throws<ReleaseException>(() => NuGetSettings.Read(section, _dir.Path)).Code);
    }

    [Fact]
    public void TheKeyIsOnlyAnArgumentOfTheChild_AndFoldersGetNoSkipDuplicate()
    {
        var http = NuGetSource.Parse("https://feed.example/v3/index.json", "S", "/r");
        var symbols = NuGetSource.Parse("https://symbols.example/v3/index.json", "S", "/r");

        var toServer = NuGetPushCommand.Arguments("/p/A.1.0.0.nupkg", http, "k1", TimeSpan.FromSeconds(60), symbols: true, (symbols, "k2"));
        var toFolder = NuGetPushCommand.Arguments("/p/A.1.0.0.nupkg", NuGetSource.Parse("/feed", "S", "/r"), null, TimeSpan.FromSeconds(60), symbols: false, null);

        Assert.Equal(["nuget", "push", "/p/A.1.0.0.nupkg", "--source", "https://feed.example/v3/index.json", "--skip-duplicate", "--timeout", "60",
            "--api-key", "k1", "--symbol-source", "https://symbols.example/v3/index.json", "--symbol-api-key", "k2"], toServer);
        Assert.Equal(["nuget", "push", "/p/A.1.0.0.nupkg", "--source", "/feed", "--timeout", "60", "--no-symbols"], toFolder);
    }

    [Fact]
    public void AnHttpSourceWithoutItsKeyStopsTheReleaseInVerifyConditions()
    {
        var run = new PluginRun(_dir.Path);
        var settings = new JsonObject { ["source"] = "https://feed.example/v3/index.json", ["apiKeyVariable"] = "FEED_KEY" };

        var error = Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().VerifyConditions(run.Context(settings, version: null, dryRun: true)));

        Assert.Equal("RSDK6030", error.Code);
        Assert.Contains("FEED_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHttpSymbolSourceWithoutItsKeyStopsTheReleaseToo()
    {
        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = "k" });
        var settings = new JsonObject { ["source"] = "https://feed.example/v3/index.json", ["symbolSource"] = "https://sym.example/v3/index.json", ["symbolApiKeyVariable"] = "SYM_KEY" };

        Assert.Equal("RSDK6030", Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().VerifyConditions(run.Context(settings, version: null))).Code);
    }

    [Fact]
    public void FolderAndNamedSourcesNeedNoKey()
    {
        var run = new PluginRun(_dir.Path);
        new NuGetPushPlugin().VerifyConditions(run.Context(new JsonObject { ["source"] = "feed" }, version: null));
        new NuGetPushPlugin().VerifyConditions(run.Context(new JsonObject { ["source"] = "my-company-feed" }, version: null));
    }

    [Fact]
    public void AStalePackageOfAnotherVersionStopsTheReleaseBeforeTagging()
    {
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), version: "1.2.2");
        var run = new PluginRun(_dir.Path);

        var error = Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().VerifyRelease(run.Context(PluginRun.NuGetSettings("feed", [package]), version: "1.2.3")));

        Assert.Equal("RSDK6031", error.Code);
        Assert.Contains("1.2.2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPackageStopsARealRunButOnlyShowsUpInADryRun()
    {
        var missing = Path.Combine(_dir.Path, "nupkgs", "App.1.2.3.nupkg");
        var settings = PluginRun.NuGetSettings("feed", [missing]);
        var run = new PluginRun(_dir.Path);

        new NuGetPushPlugin().VerifyRelease(run.Context(settings, dryRun: true));
        var error = Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().VerifyRelease(run.Context(settings)));

        Assert.Contains(run.Log, l => l.Contains("Would push App.1.2.3.nupkg", StringComparison.Ordinal));
        Assert.Equal("RSDK6031", error.Code);
        Assert.Contains("dotnet pack -p:ReleaseCreate=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPackageAtAllIsACodedError() =>
        Assert.Equal("RSDK6031", Assert.Throws<ReleaseException>(() =>
            new NuGetPushPlugin().VerifyRelease(new PluginRun(_dir.Path).Context(new JsonObject { ["source"] = "feed" }))).Code);

    [Fact]
    public void APackageWithBuildMetadataIsTheReleasedVersion()
    {
        var package = PackageFile.Read(TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), version: "2.0.0-beta.1+sha.abc"));
        Assert.True(package.IsVersion("2.0.0-beta.1"));
        Assert.False(package.IsVersion("2.0.0-beta.2"));
    }

    [Fact]
    public void APluginIsCreatedOnlyWhenASourceIsSet()
    {
        Assert.Null(NuGetPushPlugin.Create(null));
        Assert.Null(NuGetPushPlugin.Create(new JsonObject { ["nuget"] = new JsonObject { ["apiKeyVariable"] = "X" } }));
        Assert.Equal("nuget", NuGetPushPlugin.Create(new JsonObject { ["nuget"] = new JsonObject { ["source"] = "feed" } })!.Name);
    }

    public void Dispose() => _dir.Dispose();
}
