using Release.Sdk.Gates.Container;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Container;

public sealed class ContainerEvaluatorTests
{
    private static readonly ContainerImage Image = new("sha256:0123456789abcdef0123456789", "linux/amd64", 3, 50 * 1024 * 1024);

    [Fact]
    public void A_built_image_passes_with_size_and_layers()
    {
        var outcome = ContainerEvaluator.Evaluate(0, [], Image, null, "obj/release-gates/container/image.tar");

        Assert.Equal(GateStatus.Pass, outcome.Status);
        Assert.Equal("image built: 3 layers, 50 MB (linux/amd64), sha256:0123456789ab…, archive obj/release-gates/container/image.tar", outcome.Summary);
        Assert.Contains(outcome.Figures, f => f is { Name: "image size", Value: 50, Unit: "MB" });
    }

    [Fact]
    public void An_image_above_MaxSizeMB_fails()
    {
        var outcome = ContainerEvaluator.Evaluate(0, [], Image, 40, "image.tar");

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.StartsWith("the image is 50 MB, above MaxSizeMB 40", outcome.Summary, StringComparison.Ordinal);
        Assert.Contains(outcome.Figures, f => f is { Name: "image size", Threshold: 40 });
    }

    [Fact]
    public void A_failed_publish_fails_with_the_first_error_and_a_generic_remedy()
    {
        var error = new GateFinding("CONTAINER2012", "Could not load project");
        var outcome = ContainerEvaluator.Evaluate(1, [error], null, null, "image.tar");

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("the container image was not built: CONTAINER2012: Could not load project", outcome.Summary);
        Assert.Contains("EnableSdkContainerSupport", outcome.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_base_image_remedy_names_BaseImage_and_InsecureRegistries()
    {
        var outcome = ContainerEvaluator.Evaluate(1, [new GateFinding("CONTAINER1015", "Unable to access the repository")], null, null, "image.tar");

        Assert.Contains("BaseImage", outcome.Remedy, StringComparison.Ordinal);
        Assert.Contains("InsecureRegistries", outcome.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_code_zero_without_an_archive_is_not_a_pass()
    {
        Assert.Equal(GateStatus.Fail, ContainerEvaluator.Evaluate(0, [], null, null, "image.tar").Status);
    }
}
