using System.Globalization;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Container;

/// <summary>
/// The container gate's rules (the seed's `docker build` had to succeed): the publish must succeed and leave an image
/// archive; an optional MaxSizeMB fails an image whose layers grew past it.
/// </summary>
internal static class ContainerEvaluator
{
    public static GateOutcome Evaluate(int exitCode, IReadOnlyList<GateFinding> errors, ContainerImage? image, double? maxSizeMegabytes, string archive)
    {
        if (exitCode != 0 || image is null)
        {
            var first = errors.FirstOrDefault();
            var why = first is null ? $"dotnet publish exited with {exitCode}" : $"{first.Rule}: {first.Message}";
            return new GateOutcome(GateStatus.Fail, $"the container image was not built: {why}", [], errors, Remedy(errors));
        }

        var figures = new List<GateFigure>
        {
            new("image size", image.SizeMegabytes, "MB", maxSizeMegabytes),
            new("layers", image.Layers, "layers"),
        };
        var text = $"{image.Layers} layers, {image.SizeMegabytes.ToString("0.##", CultureInfo.InvariantCulture)} MB ({image.Platform}), {image.ManifestDigest[..Math.Min(19, image.ManifestDigest.Length)]}…, archive {archive}";
        if (maxSizeMegabytes is { } max && image.SizeMegabytes > max)
        {
            return new GateOutcome(GateStatus.Fail, $"the image is {image.SizeMegabytes.ToString("0.##", CultureInfo.InvariantCulture)} MB, above MaxSizeMB {max.ToString(CultureInfo.InvariantCulture)}: {text}", figures, [],
                "Use a smaller base image (ContainerBaseImage, e.g. a -chiseled or -alpine variant), trim the app (PublishTrimmed) or raise MaxSizeMB.");
        }
        return new GateOutcome(GateStatus.Pass, $"image built: {text}", figures, [], null);
    }

    private static string Remedy(IReadOnlyList<GateFinding> errors)
    {
        var codes = errors.Select(e => e.Rule).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (codes.Contains("CONTAINER1015") || codes.Contains("CONTAINER1013") || codes.Contains("CONTAINER1014"))
        {
            return "The base image could not be pulled: set the gate's BaseImage (ContainerBaseImage) to an image a reachable registry serves; "
                + "for a plain-HTTP registry add its host:port to InsecureRegistries (DOTNET_CONTAINER_INSECURE_REGISTRIES); give credentials in "
                + "DOTNET_CONTAINER_REGISTRY_UNAME/PWORD.";
        }
        return "Run the publish command shown in the gate's log (`dotnet publish -t:PublishContainer …`) and fix the errors; "
            + "a console app needs <EnableSdkContainerSupport>true</EnableSdkContainerSupport>.";
    }
}
