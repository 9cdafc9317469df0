using Release.Sdk.Gates.Container;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.BuiltIn;

namespace Release.Sdk.Gates.Tests.Container;

public sealed class ContainerImageGateTests
{
    [Fact]
    public void Publishes_the_container_target_to_an_archive_with_the_given_image_settings()
    {
        Assert.Equal(
            ["publish", "/repo/App.csproj", "-t:PublishContainer", "-p:ContainerArchiveOutputPath=/out/image.tar",
             "-p:ContainerBaseImage=127.0.0.1:5000/base:latest", "-p:ContainerRepository=shop/api", "-p:ContainerImageTag=1.4.0", "--configuration", "Release"],
            ContainerImageGate.Arguments("/repo/App.csproj", "/out/image.tar", "127.0.0.1:5000/base:latest", "shop/api", "1.4.0", "Release"));
        Assert.Equal(["publish", "/repo/App.csproj", "-t:PublishContainer", "-p:ContainerArchiveOutputPath=/out/image.tar"],
            ContainerImageGate.Arguments("/repo/App.csproj", "/out/image.tar", null, null, null, null));
    }

    [Fact]
    public void Insecure_registries_go_to_the_sdks_environment_variable_keeping_existing_ones()
    {
        var inherited = new Dictionary<string, string?> { ["PATH"] = "/bin", ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = "reg.local:5000" };

        var environment = ContainerImageGate.Environment(inherited, "127.0.0.1:5123");

        Assert.Equal("reg.local:5000,127.0.0.1:5123", environment["DOTNET_CONTAINER_INSECURE_REGISTRIES"]);
        Assert.Equal("/bin", environment["PATH"]);
        Assert.Same(inherited, ContainerImageGate.Environment(inherited, null));
    }

    [Theory]
    [InlineData("1.4.0", "1.4.0")]
    [InlineData("2.0.0-beta.1+sha.abc", "2.0.0-beta.1-sha.abc")]
    public void The_image_tag_is_the_release_version_made_tag_safe(string version, string tag)
    {
        Assert.Equal(tag, ContainerImageGate.ImageTag(version));
    }

    [Fact]
    public async Task Inside_a_release_run_the_tag_defaults_to_the_release_version()
    {
        using var dir = new TempDirectory();
        var runner = new FakeProcessRunner(FakeProcessRunner.Exited(1, "x.targets(255,5): error CONTAINER1015: Unable to access the repository 'base'"));
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.csproj"), runner: runner, release: new GateRelease("3.1.0", "3.0.0", "v3.0.0", "minor"));

        var result = await new ContainerImageGate("image").RunAsync(context, default);

        Assert.Contains("-p:ContainerImageTag=3.1.0", runner.Calls.Single().Arguments);
        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("CONTAINER1015", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_MaxSizeMB_fails_with_RSDK5003()
    {
        using var dir = new TempDirectory();
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.csproj"), new Dictionary<string, string> { ["MaxSizeMB"] = "big" },
            new FakeProcessRunner(FakeProcessRunner.Exited(0)));

        Assert.StartsWith("RSDK5003:", (await new ContainerImageGate("image").RunAsync(context, default)).Summary, StringComparison.Ordinal);
    }
}
