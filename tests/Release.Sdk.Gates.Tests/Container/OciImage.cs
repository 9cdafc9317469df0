using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Release.Sdk.Gates.Tests.Container;

/// <summary>
/// A minimal OCI image made from scratch: one gzipped layer holding one file, a config naming its diff id, a manifest.
/// Used as the base image in the local registry and, laid out as a tar, as input for the archive reader.
/// </summary>
internal sealed record OciImage(byte[] Layer, byte[] Config, byte[] Manifest)
{
    public static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    public static OciImage Minimal()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "etc/base-release")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("release-sdk gate test base image\n")),
                ModificationTime = DateTimeOffset.UnixEpoch,
            };
            writer.WriteEntry(entry);
        }
        var uncompressed = tar.ToArray();
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(uncompressed);
        var layer = gz.ToArray();

        var config = Encoding.UTF8.GetBytes($$$"""
            {"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/bin:/usr/bin:/bin"]},"rootfs":{"type":"layers","diff_ids":["{{{Digest(uncompressed)}}}"]}}
            """);
        var manifest = Encoding.UTF8.GetBytes($$$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{Digest(config)}}}","size":{{{config.Length}}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{Digest(layer)}}}","size":{{{layer.Length}}}}]}
            """);
        return new OciImage(layer, config, manifest);
    }

    /// <summary>The image as an OCI image layout tar (what PublishContainer writes to ContainerArchiveOutputPath).</summary>
    public byte[] LayoutTar()
    {
        var index = Encoding.UTF8.GetBytes($$$"""
            {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{Digest(Manifest)}}}","size":{{{Manifest.Length}}}}]}
            """);
        return Tar(("oci-layout", Encoding.UTF8.GetBytes("""{"imageLayoutVersion":"1.0.0"}""")), ("index.json", index),
            (Blob(Manifest), Manifest), (Blob(Config), Config), (Blob(Layer), Layer));
    }

    public static byte[] Tar(params (string Name, byte[] Data)[] files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in files)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
        return tar.ToArray();
    }

    private static string Blob(byte[] data) => "blobs/" + Digest(data).Replace(':', '/');
}
