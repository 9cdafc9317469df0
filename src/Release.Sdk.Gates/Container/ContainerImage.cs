namespace Release.Sdk.Gates.Container;

/// <summary>What the image archive holds: manifest digest, platform, layer count and the compressed size of its layers.</summary>
internal sealed record ContainerImage(string ManifestDigest, string Platform, int Layers, long LayerBytes)
{
    public double SizeMegabytes => Math.Round(LayerBytes / (1024.0 * 1024.0), 2);
}
