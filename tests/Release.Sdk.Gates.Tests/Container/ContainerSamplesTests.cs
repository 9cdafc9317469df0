using Release.Sdk.Gates.Container;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.BuiltIn;
using Xunit.Abstractions;

namespace Release.Sdk.Gates.Tests.Container;

/// <summary>
/// Runs the real gate (dotnet publish -t:PublishContainer to a tar archive) against a local docker-registry holding a
/// minimal base image: once with that base image, once with one the registry does not have.
/// </summary>
public sealed class ContainerSamples : IAsyncLifetime
{
    private readonly TempDirectory _workspace = Samples.Copy("container");
    private LocalRegistry? _registry;

    internal bool RegistryInstalled { get; } = Samples.OnPath(LocalRegistry.Program);

    internal GateResult Built { get; private set; } = null!;

    internal GateResult MissingBase { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!RegistryInstalled) return;
        _registry = await LocalRegistry.StartAsync(_workspace.Path);
        await _registry.PushAsync("base", "latest", OciImage.Minimal());
        Built = await Run($"{_registry.Host}/base:latest");
        MissingBase = await Run($"{_registry.Host}/missing:latest");
    }

    private Task<GateResult> Run(string baseImage) =>
        new ContainerImageGate("container").RunAsync(GateHarness.Context(_workspace.Path, Path.Combine(_workspace.Path, "App", "App.csproj"),
            new Dictionary<string, string> { ["BaseImage"] = baseImage, ["InsecureRegistries"] = _registry!.Host },
            release: new GateRelease("1.4.0+build.7", "1.3.2", "v1.3.2", "minor")), default);

    public Task DisposeAsync()
    {
        _registry?.Dispose();
        _workspace.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "Gates")]
public sealed class ContainerSamplesTests(ContainerSamples samples, ITestOutputHelper output) : IClassFixture<ContainerSamples>
{
    private bool RegistryMissing() =>
        !samples.RegistryInstalled && Samples.Missing(LocalRegistry.Program, "apt-get install -y docker-registry", output);

    [Fact]
    public void An_app_on_a_reachable_base_image_builds_an_image_archive()
    {
        if (RegistryMissing()) return;
        GateHarness.Print(output, samples.Built);

        Assert.Equal(GateStatus.Pass, samples.Built.Status);
        // The base image's layer plus the app's layer.
        Assert.Contains(samples.Built.Figures, f => f is { Name: "layers", Value: 2 });
        Assert.Contains(samples.Built.Figures, f => f is { Name: "image size", Unit: "MB" } && f.Value > 0);
        Assert.Contains("(linux/amd64)", samples.Built.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_image_the_registry_does_not_have_fails_with_the_tools_reason()
    {
        if (RegistryMissing()) return;
        GateHarness.Print(output, samples.MissingBase);

        Assert.Equal(GateStatus.Fail, samples.MissingBase.Status);
        Assert.Contains("CONTAINER1015", samples.MissingBase.Summary, StringComparison.Ordinal);
        Assert.Contains("InsecureRegistries", samples.MissingBase.Remedy, StringComparison.Ordinal);
    }
}
