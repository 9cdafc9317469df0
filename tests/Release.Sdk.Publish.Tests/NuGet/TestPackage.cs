using System.IO.Compression;

namespace Release.Sdk.Publish.Tests.NuGet;

/// <summary>
/// Minimal but valid packages written by hand (a .nuspec and one lib/net10.0 placeholder), so the push tests need no
/// `dotnet pack`; the folder-feed test restores one to prove NuGet accepts it.
/// </summary>
internal static class TestPackage
{
    public const string Id = "Rsdk.Fixture.Pkg";

    public static string Write(string folder, string version = "1.2.3", string id = Id, bool symbols = false)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id}.{version}.nupkg");
        WriteZip(path, id, version, "lib/net10.0/_._");
        if (symbols) WriteZip(Path.ChangeExtension(path, ".snupkg"), id, version, "lib/net10.0/Fixture.pdb");
        return path;
    }

    private static void WriteZip(string path, string id, string version, string file)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>Release.Sdk tests</authors>
                    <description>A package made by the NuGet push tests.</description>
                  </metadata>
                </package>
                """);
        }
        zip.CreateEntry(file);
    }
}
