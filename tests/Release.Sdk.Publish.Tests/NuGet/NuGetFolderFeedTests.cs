using Release.Sdk.Publish.NuGet;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.NuGet;

/// <summary>Pushes to a real local folder feed with the real `dotnet nuget push`, and restores from it.</summary>
public sealed class NuGetFolderFeedTests : IDisposable
{
    private readonly TempGitRepo _dir = new(init: false);

    private string Feed => Path.Combine(_dir.Path, "out", "feed");

    [Fact]
    public void PushesToAFolderFeed_SkipsOnRerun_AndTheFeedRestores()
    {
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"));
        var settings = PluginRun.NuGetSettings("out/feed", [package]);
        var plugin = new NuGetPushPlugin();

        var first = new PluginRun(_dir.Path);
        plugin.VerifyConditions(first.Context(settings));
        plugin.VerifyRelease(first.Context(settings));
        plugin.Publish(first.Context(settings));

        Assert.True(File.Exists(Path.Combine(Feed, $"{TestPackage.Id}.1.2.3.nupkg")), first.AllLog);
        Assert.Contains($"Pushed {TestPackage.Id}@1.2.3 to {Feed}.", first.Log);
        Assert.Equal(Feed, first.Journal.Entries[$"nuget:push:{TestPackage.Id}@1.2.3"]);
        Assert.Equal($"{TestPackage.Id}@1.2.3", first.Outputs[NuGetPushPlugin.PackagesOutput]);

        // Same journal (a rerun that found the notes): nothing is attempted.
        var written = File.GetLastWriteTimeUtc(Path.Combine(Feed, $"{TestPackage.Id}.1.2.3.nupkg"));
        plugin.Publish(first.Context(settings, resumed: true));
        Assert.Contains($"{TestPackage.Id}@1.2.3 was pushed by an earlier run; skipped.", first.Log);

        // No journal (the crash came before it was written): the feed already has it, which is a skip, not an overwrite.
        var rerun = new PluginRun(_dir.Path);
        plugin.Publish(rerun.Context(settings, resumed: true));
        Assert.Contains($"{TestPackage.Id}@1.2.3 is already in {Feed}; skipped.", rerun.Log);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(Feed, $"{TestPackage.Id}.1.2.3.nupkg")));

        // The feed is a valid NuGet source: a project adds the package from it.
        var consumer = Path.Combine(_dir.Path, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="released" value="{Feed}" /></packageSources>
            </configuration>
            """);
        var add = ProcessRunner.Run("dotnet", ["add", "package", TestPackage.Id, "--version", "1.2.3"], consumer, Isolated(), TimeSpan.FromMinutes(2));
        Assert.True(add.ExitCode == 0, add.Output);
        Assert.Contains($"\"{TestPackage.Id}/1.2.3\"", File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")));
    }

    [Fact]
    public void SymbolPackagesGoToAFolderSymbolSource()
    {
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), symbols: true);
        var settings = PluginRun.NuGetSettings(Feed, [package], ("symbolSource", "./out/symbols"));
        var run = new PluginRun(_dir.Path);

        new NuGetPushPlugin().Publish(run.Context(settings));

        Assert.True(File.Exists(Path.Combine(Feed, $"{TestPackage.Id}.1.2.3.nupkg")), run.AllLog);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "out", "symbols", $"{TestPackage.Id}.1.2.3.snupkg")), run.AllLog);
        Assert.False(File.Exists(Path.Combine(Feed, $"{TestPackage.Id}.1.2.3.snupkg")));
    }

    [Fact]
    public void WithoutASymbolSourceAFolderFeedGetsNoSymbolPackage()
    {
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), symbols: true);
        var run = new PluginRun(_dir.Path);

        new NuGetPushPlugin().Publish(run.Context(PluginRun.NuGetSettings(Feed, [package])));

        Assert.False(File.Exists(Path.Combine(Feed, $"{TestPackage.Id}.1.2.3.snupkg")));
        Assert.Contains(run.Log, l => l.Contains("a folder source keeps no symbol packages", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    // The restore gets its own packages folder: the fixture package must come from the feed, not from an earlier run's cache.
    private Dictionary<string, string?> Isolated() => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(_dir.Path, "packages"),
        ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(_dir.Path, ".nuget-http-cache"),
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };
}
