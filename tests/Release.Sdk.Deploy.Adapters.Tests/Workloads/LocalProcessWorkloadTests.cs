using Release.Sdk.Deploy.Adapters.Tests.Fixtures;
using Release.Sdk.Deploy.Adapters.Workloads;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Tests.Workloads;

[Trait("Category", "E2E")]
public sealed class LocalProcessWorkloadTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private LocalProcessWorkload NewWorkload() => new(new LocalProcessWorkloadOptions(_directory.Sub("state")) { AppName = TestApp.Name, StopGrace = TimeSpan.FromSeconds(5) });

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_instance_started_by_one_process_is_listed_and_stopped_by_another()
    {
        var instance = await NewWorkload().StartAsync("canary", "2.0.0", TestApp.PublishDirectory, default);
        var record = NewWorkload().Find(instance.Name)!;
        try
        {
            Assert.Equal("127.0.0.1", instance.Host);
            Assert.Equal("release.sdk.deploy.adapters.testapp-2.0.0-1", instance.Name);
            Assert.Equal([instance], await NewWorkload().ListAsync(default));

            // The app got its port and identity from the environment.
            using var client = new HttpClient();
            HttpResponseMessage? response = null;
            for (var i = 0; i < 200 && response is null; i++)
            {
                try
                {
                    response = await client.GetAsync(instance.BaseAddress);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50);
                }
            }
            Assert.NotNull(response);
            Assert.Equal(instance.Name, response.Headers.GetValues("X-Backend").Single());
            Assert.Equal("2.0.0", response.Headers.GetValues("X-Version").Single());

            var second = await NewWorkload().StartAsync("canary", "2.0.0", TestApp.PublishDirectory, default);
            Assert.Equal("release.sdk.deploy.adapters.testapp-2.0.0-2", second.Name);
            await NewWorkload().StopAsync(second.Name, default);
        }
        finally
        {
            await NewWorkload().StopAsync(instance.Name, default);
        }
        Assert.False(record.Process.IsAlive());
        Assert.Empty(await NewWorkload().ListAsync(default));
        await NewWorkload().StopAsync(instance.Name, default);
    }

    [Fact]
    public async Task A_publish_directory_without_the_app_is_a_coded_error()
    {
        var missing = await Assert.ThrowsAsync<ReleaseException>(() => NewWorkload().StartAsync("stable", "1.0.0", _directory.Sub("missing"), default));
        Assert.Equal("RSDK7058", missing.Code);
        Directory.CreateDirectory(_directory.Sub("empty"));
        var empty = await Assert.ThrowsAsync<ReleaseException>(() => NewWorkload().StartAsync("stable", "1.0.0", _directory.Sub("empty"), default));
        Assert.Equal("RSDK7058", empty.Code);
    }

    [Fact]
    public async Task An_app_that_exits_at_once_is_a_coded_error_with_its_output()
    {
        var broken = _directory.Sub("broken");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "Broken.dll"), "not an assembly");
        await File.WriteAllTextAsync(Path.Combine(broken, "Broken.runtimeconfig.json"),
            """{"runtimeOptions":{"tfm":"net10.0","framework":{"name":"No.Such.Framework","version":"10.0.0"}}}""");

        var error = await Assert.ThrowsAsync<ReleaseException>(() =>
            new LocalProcessWorkload(new LocalProcessWorkloadOptions(_directory.Sub("state"))).StartAsync("stable", "1.0.0", broken, default));
        Assert.Equal("RSDK7059", error.Code);
        Assert.Contains("No.Such.Framework", error.Message);
        Assert.Empty(await NewWorkload().ListAsync(default));
    }
}
