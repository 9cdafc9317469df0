using System.Text;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Container;

namespace Release.Sdk.Gates.Tests.Container;

public sealed class ContainerArchiveTests
{
    [Fact]
    public void An_oci_layout_archive_gives_digest_platform_layers_and_size()
    {
        var image = OciImage.Minimal();

        var read = ContainerArchive.Read(new MemoryStream(image.LayoutTar()), "image.tar");

        Assert.Equal(OciImage.Digest(image.Manifest), read.ManifestDigest);
        Assert.Equal("linux/amd64", read.Platform);
        Assert.Equal(1, read.Layers);
        Assert.Equal(image.Layer.Length, read.LayerBytes);
    }

    [Fact]
    public void A_docker_save_archive_is_read_too()
    {
        var config = Encoding.UTF8.GetBytes("""{"os":"linux","architecture":"arm64"}""");
        var manifest = Encoding.UTF8.GetBytes("""[{"Config":"abc123.json","RepoTags":["app:1.0.0"],"Layers":["l1/layer.tar","l2/layer.tar"]}]""");

        var read = ContainerArchive.Read(new MemoryStream(OciImage.Tar(
            ("manifest.json", manifest), ("abc123.json", config), ("l1/layer.tar", new byte[1000]), ("l2/layer.tar", new byte[24]))), "image.tar");

        Assert.Equal(("sha256:abc123", "linux/arm64", 2, 1024L), (read.ManifestDigest, read.Platform, read.Layers, read.LayerBytes));
    }

    [Fact]
    public void A_tar_without_an_image_is_a_coded_error()
    {
        var error = Assert.Throws<ReleaseException>(() => ContainerArchive.Read(new MemoryStream(OciImage.Tar(("readme.txt", [1, 2]))), "image.tar"));

        Assert.Equal("RSDK5020", error.Code);
        Assert.Contains("neither an OCI index.json nor a Docker manifest.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_pointing_at_a_missing_blob_is_a_coded_error()
    {
        var index = Encoding.UTF8.GetBytes("""{"manifests":[{"digest":"sha256:00"}]}""");

        var error = Assert.Throws<ReleaseException>(() => ContainerArchive.Read(new MemoryStream(OciImage.Tar(("index.json", index))), "image.tar"));

        Assert.Contains("blob sha256:00 is missing", error.Message, StringComparison.Ordinal);
    }
}
