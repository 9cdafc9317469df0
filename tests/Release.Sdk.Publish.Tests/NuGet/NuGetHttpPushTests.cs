using System.Net;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.NuGet;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.NuGet;

/// <summary>
/// Contract tests: the real `dotnet nuget push` against <see cref="NuGetPushServer"/>, which implements NuGet's
/// documented push protocol (PackagePublish/2.0.0) on 127.0.0.1. The API key must reach the server in the
/// X-NuGet-ApiKey header and nowhere else: not in the log, the journal, the outputs or an error message.
/// </summary>
public sealed class NuGetHttpPushTests : IDisposable
{
    private const string Key = "oy2-contract-test-key-7f3a9c";

    private readonly TempGitRepo _dir = new(init: false);

    [Fact]
    public void PushSendsTheKeyHeaderAndMultipartPackage_ThenARerunIsASkipDuplicate()
    {
        using var server = new NuGetPushServer(Key, success: HttpStatusCode.Accepted);
        File.WriteAllText(Path.Combine(_dir.Path, "nuget.config"), server.NuGetConfig());
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), symbols: true);
        var settings = PluginRun.NuGetSettings(server.ServiceIndex, [package]);
        var plugin = new NuGetPushPlugin();

        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = Key });
        plugin.VerifyConditions(run.Context(settings));
        plugin.Publish(run.Context(settings));

        var puts = server.Puts;
        Assert.Equal(["/api/v2/package/", "/api/v2/symbolpackage/"], puts.Select(p => p.Path));
        Assert.All(puts, p =>
        {
            Assert.Equal(Key, p.ApiKey);
            Assert.StartsWith("multipart/form-data", p.ContentType, StringComparison.Ordinal);
            Assert.Equal((TestPackage.Id, "1.2.3"), (p.PackageId, p.PackageVersion));
            Assert.Equal(202, p.Status);
        });
        Assert.Contains($"Pushed {TestPackage.Id}@1.2.3 to {server.ServiceIndex}.", run.Log);
        Assert.Equal($"{TestPackage.Id}@1.2.3", run.Outputs[NuGetPushPlugin.PackagesOutput]);
        Assert.True(run.Journal.IsDone($"nuget:push:{TestPackage.Id}@1.2.3"));
        AssertNoKey(run);

        // A rerun on another machine (no journal): the server answers 409, which --skip-duplicate makes a skip.
        var rerun = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = Key });
        plugin.Publish(rerun.Context(settings, resumed: true));

        Assert.Equal(409, server.Puts[2].Status);
        Assert.Contains($"{TestPackage.Id}@1.2.3 is already on {server.ServiceIndex}; skipped.", rerun.Log);
        Assert.True(rerun.Journal.IsDone($"nuget:push:{TestPackage.Id}@1.2.3"));
        AssertNoKey(rerun);
    }

    [Fact]
    public void KeyFromANamedVariableAndNoSymbolsWhenTurnedOff()
    {
        using var server = new NuGetPushServer(Key);
        File.WriteAllText(Path.Combine(_dir.Path, "nuget.config"), server.NuGetConfig());
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), symbols: true);
        var settings = PluginRun.NuGetSettings(server.ServiceIndex, [package], ("apiKeyVariable", "MY_FEED_KEY"), ("symbols", "false"));
        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["MY_FEED_KEY"] = Key });

        new NuGetPushPlugin().Publish(run.Context(settings));

        var put = Assert.Single(server.Puts);
        Assert.Equal(("/api/v2/package/", Key, 201), (put.Path, put.ApiKey, put.Status));
    }

    [Fact]
    public void SymbolsGoToTheSymbolSourceWithItsOwnKey()
    {
        const string symbolKey = "oy2-symbol-server-key-51d0";
        using var packages = new NuGetPushServer(Key, symbols: false);
        using var symbolServer = new NuGetPushServer(symbolKey);
        File.WriteAllText(Path.Combine(_dir.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packages" value="{packages.ServiceIndex}" allowInsecureConnections="true" />
                <add key="symbols" value="{symbolServer.ServiceIndex}" allowInsecureConnections="true" />
              </packageSources>
            </configuration>
            """);
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"), symbols: true);
        var settings = PluginRun.NuGetSettings(packages.ServiceIndex, [package],
            ("symbolSource", symbolServer.ServiceIndex), ("symbolApiKeyVariable", "SYMBOLS_KEY"));
        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = Key, ["SYMBOLS_KEY"] = symbolKey });

        new NuGetPushPlugin().VerifyConditions(run.Context(settings, version: null));
        new NuGetPushPlugin().Publish(run.Context(settings));

        var put = Assert.Single(packages.Puts);
        Assert.Equal(("/api/v2/package/", Key, 201), (put.Path, put.ApiKey, put.Status));
        var symbolPut = Assert.Single(symbolServer.Puts);
        Assert.Equal(("/api/v2/symbolpackage/", symbolKey, 201), (symbolPut.Path, symbolPut.ApiKey, symbolPut.Status));
        Assert.DoesNotContain(symbolKey, run.AllLog, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongKeyIsACodedErrorThatDoesNotShowTheKey()
    {
        using var server = new NuGetPushServer(Key);
        File.WriteAllText(Path.Combine(_dir.Path, "nuget.config"), server.NuGetConfig());
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"));
        const string wrong = "oy2-revoked-key-0000";
        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = wrong });

        var error = Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().Publish(run.Context(PluginRun.NuGetSettings(server.ServiceIndex, [package]))));

        Assert.Equal("RSDK6032", error.Code);
        Assert.Contains("$NUGET_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, run.AllLog, StringComparison.Ordinal);
        Assert.Equal(wrong, Assert.Single(server.Puts).ApiKey);
        Assert.False(run.Journal.IsDone($"nuget:push:{TestPackage.Id}@1.2.3"));
    }

    [Fact]
    public void AServerThatIsDownIsACodedError()
    {
        var port = LoopbackPorts.Free();
        var source = $"http://127.0.0.1:{port}/v3/index.json";
        File.WriteAllText(Path.Combine(_dir.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="down" value="{source}" allowInsecureConnections="true" /></packageSources></configuration>
            """);
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"));
        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = Key });

        var error = Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().Publish(run.Context(PluginRun.NuGetSettings(source, [package], ("timeout", "20")))));

        Assert.Equal("RSDK6033", error.Code);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("rerun the release", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainHttpSourceThatNuGetRefusesSaysHowToAllowIt()
    {
        using var server = new NuGetPushServer(Key);
        var package = TestPackage.Write(Path.Combine(_dir.Path, "nupkgs"));
        File.WriteAllText(Path.Combine(_dir.Path, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        var run = new PluginRun(_dir.Path, new Dictionary<string, string?> { ["NUGET_API_KEY"] = Key });

        // No allowInsecureConnections: NuGet reads the service index, sees a plain-HTTP push endpoint and refuses.
        var error = Assert.Throws<ReleaseException>(() => new NuGetPushPlugin().Publish(run.Context(PluginRun.NuGetSettings(server.ServiceIndex, [package]))));

        Assert.Equal("RSDK6034", error.Code);
        Assert.Contains("allowInsecureConnections", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Puts);
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertNoKey(PluginRun run)
    {
        Assert.DoesNotContain(Key, run.AllLog, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Journal.Entries, e => e.Value.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Outputs, o => o.Value.Contains(Key, StringComparison.Ordinal));
    }
}
