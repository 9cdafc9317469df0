using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Container;

/// <summary>
/// Reads the tar archive `dotnet publish -t:PublishContainer -p:ContainerArchiveOutputPath=…` writes: an OCI image
/// layout (index.json → manifest → config and layers under blobs/sha256/) in current SDKs, or Docker's
/// `docker save` layout (manifest.json) in older ones.
/// </summary>
internal static class ContainerArchive
{
    public static ContainerImage Read(Stream tar, string name)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var reader = new TarReader(tar);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                var path = entry.Name.TrimStart('.', '/');
                sizes[path] = entry.Length;
                // Layers can be large and are only measured; the JSON documents are small and read.
                if (entry.Length < 1024 * 1024 && entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    files[path] = copy.ToArray();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw Unreadable(name, $"not a tar archive: {e.Message}");
        }

        try
        {
            if (files.TryGetValue("index.json", out var index)) return FromOciLayout(name, index, files);
            if (files.TryGetValue("manifest.json", out var docker)) return FromDockerLayout(name, docker, files, sizes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw Unreadable(name, e.Message);
        }
        throw Unreadable(name, "it has neither an OCI index.json nor a Docker manifest.json");
    }

    private static ContainerImage FromOciLayout(string name, byte[] indexJson, Dictionary<string, byte[]> files)
    {
        var digest = JsonNode.Parse(indexJson)?["manifests"]?[0]?["digest"]?.GetValue<string>() ?? throw Unreadable(name, "index.json lists no manifest");
        var manifest = JsonNode.Parse(Blob(name, files, digest))!;
        var layers = manifest["layers"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
        var bytes = layers.Sum(l => l["size"]?.GetValue<long>() ?? 0);
        var config = manifest["config"]?["digest"]?.GetValue<string>() is { } configDigest ? JsonNode.Parse(Blob(name, files, configDigest)) : null;
        return new ContainerImage(digest, Platform(config), layers.Count, bytes);
    }

    private static ContainerImage FromDockerLayout(string name, byte[] manifestJson, Dictionary<string, byte[]> files, Dictionary<string, long> sizes)
    {
        var image = JsonNode.Parse(manifestJson)?[0] ?? throw Unreadable(name, "manifest.json is empty");
        var configPath = image["Config"]?.GetValue<string>() ?? "";
        var layers = image["Layers"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [];
        var config = files.TryGetValue(configPath, out var configJson) ? JsonNode.Parse(configJson) : null;
        var digest = "sha256:" + Path.GetFileNameWithoutExtension(configPath);
        return new ContainerImage(digest, Platform(config), layers.Count, layers.Sum(l => sizes.GetValueOrDefault(l)));
    }

    private static byte[] Blob(string name, Dictionary<string, byte[]> files, string digest) =>
        files.TryGetValue("blobs/" + digest.Replace(':', '/'), out var blob) ? blob : throw Unreadable(name, $"blob {digest} is missing");

    private static string Platform(JsonNode? config) =>
        config is null ? "unknown" : $"{config["os"]?.GetValue<string>() ?? "?"}/{config["architecture"]?.GetValue<string>() ?? "?"}";

    private static ReleaseException Unreadable(string name, string why) =>
        new(DiagnosticCatalog.GateReportUnreadable,
            $"The container archive {name} cannot be read ({why}). Rerun the gate; if it persists, run the publish command from the gate's log and inspect the archive with `tar tf`.");
}
