using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using NuGet.Versioning;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.NuGet;

/// <summary>A .nupkg on disk with the id and version its .nuspec declares (the file name can't be trusted for ids with dots and digits).</summary>
internal sealed record PackageFile(string Path, string Id, NuGetVersion Version)
{
    public string Name => $"{Id}@{Version.ToNormalizedString()}";

    /// <summary>The symbol package NuGet's pack writes next to the .nupkg (SymbolPackageFormat=snupkg), or null.</summary>
    public string? SymbolPackage => System.IO.Path.ChangeExtension(Path, ".snupkg") is var snupkg && File.Exists(snupkg) ? snupkg : null;

    public static PackageFile Read(string path)
    {
        if (!File.Exists(path))
            throw new ReleaseException(DiagnosticCatalog.NuGetPackageMissing,
                $"The package {path} does not exist. Packages are pushed by the release run that follows a pack: run `dotnet pack -p:ReleaseCreate=true` (not `dotnet msbuild -t:Release`), or unset ReleaseNuGetSource.");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid(path, "it has no .nuspec at its root");
            using var stream = entry.Open();
            var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            var id = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value.Trim();
            var version = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "version")?.Value.Trim();
            if (string.IsNullOrEmpty(id) || !NuGetVersion.TryParse(version, out var parsed)) throw Invalid(path, "its .nuspec has no valid id and version");
            return new PackageFile(path, id, parsed);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw Invalid(path, e.Message);
        }
    }

    /// <summary>The released version, as NuGet compares it (normalized, build metadata ignored).</summary>
    public bool IsVersion(string released) =>
        NuGetVersion.TryParse(released, out var version) && VersionComparer.Default.Equals(version, Version);

    private static ReleaseException Invalid(string path, string why) =>
        new(DiagnosticCatalog.NuGetPackageMissing, $"The package {path} cannot be read ({why}). Delete it and pack again.");
}
