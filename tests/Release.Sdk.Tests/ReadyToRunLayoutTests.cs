using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Release.Sdk.Tests;

/// <summary>
/// The packed tasks/net10.0 (build/PackReadyToRun.targets): IL dlls at the root for every platform, linux-x64
/// ReadyToRun twins of what the task loads (and of the CLI's parser) under runtimes/linux-x64/lib/net10.0, and both
/// .deps.json files pointing linux-x64 at the twins.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ReadyToRunLayoutTests(PackedSdk sdk)
{
    private const string Tasks = "tasks/net10.0/";
    private const string LinuxX64Lib = "runtimes/linux-x64/lib/net10.0/";

    // IMAGE_FILE_MACHINE_AMD64 xor the Linux value crossgen2 folds into R2R images (no other OS loads them).
    private const ushort LinuxAmd64ReadyToRunMachine = 0x8664 ^ 0x7B79;

    [Fact]
    public void RootDllsAreILOnlySoThatEveryPlatformCanLoadThem()
    {
        using var zip = ZipFile.OpenRead(sdk.Nupkg);
        var rootDlls = zip.Entries.Where(e => e.FullName.StartsWith(Tasks, StringComparison.Ordinal)
                                              && e.FullName.EndsWith(".dll", StringComparison.Ordinal)
                                              && !e.FullName[Tasks.Length..].Contains('/')).ToList();

        var readyToRunAtRoot = rootDlls.Where(e => ReadyToRunMachine(e) is not null).Select(e => e.Name);

        Assert.Contains(rootDlls, e => e.Name == "Release.Sdk.Engine.dll");
        Assert.Empty(readyToRunAtRoot);
    }

    [Theory]
    [InlineData("Release.Sdk.Tasks.deps.json")]
    [InlineData("dotnet-release.deps.json")]
    public void DepsFilePointsLinuxX64AtReadyToRunTwins(string depsFile)
    {
        using var zip = ZipFile.OpenRead(sdk.Nupkg);
        var deps = ReadDeps(zip, depsFile);

        Assert.DoesNotContain("/", deps.RuntimeTarget); // still a portable .deps.json
        Assert.NotEmpty(deps.LinuxX64Twins);
        Assert.All(deps.LinuxX64Twins, path => Assert.Equal(LinuxAmd64ReadyToRunMachine, ReadyToRunMachine(zip.GetEntry(Tasks + path)!)));
    }

    [Fact]
    public void EveryAssemblyTheTaskLoadsHasALinuxX64Twin()
    {
        using var zip = ZipFile.OpenRead(sdk.Nupkg);
        var deps = ReadDeps(zip, "Release.Sdk.Tasks.deps.json");

        // The task's own dll is loaded by path (UsingTask AssemblyFile): a twin could not be picked.
        var expected = deps.RootAssemblies.Where(name => name != "Release.Sdk.Tasks.dll").Select(name => LinuxX64Lib + name).Order();

        Assert.Contains("Release.Sdk.Engine.dll", deps.RootAssemblies);
        Assert.Equal(expected, deps.LinuxX64Twins.Order());
    }

    [Fact]
    public void TheCliUsesTheTaskTwinsPlusOneForItsCommandLineParser()
    {
        using var zip = ZipFile.OpenRead(sdk.Nupkg);
        var task = ReadDeps(zip, "Release.Sdk.Tasks.deps.json");
        var cli = ReadDeps(zip, "dotnet-release.deps.json");

        Assert.Equal(task.LinuxX64Twins.Append(LinuxX64Lib + "System.CommandLine.dll").Order(), cli.LinuxX64Twins.Order());
    }

    [Theory]
    [InlineData("runtimes/linux-x64/native/")]
    [InlineData("runtimes/linux-arm64/native/")]
    [InlineData("runtimes/osx-arm64/native/")]
    [InlineData("runtimes/win-x64/native/")]
    public void LibGit2StaysAvailableForEveryPlatform(string folder)
    {
        using var zip = ZipFile.OpenRead(sdk.Nupkg);

        Assert.Contains(zip.Entries, e => e.FullName.StartsWith(Tasks + folder, StringComparison.Ordinal) && e.Name.Contains("git2", StringComparison.Ordinal));
    }

    /// <summary>A .deps.json: its runtimeTarget, the file names of its RID-less runtime assets, the paths of its linux-x64 runtime assets.</summary>
    private sealed record Deps(string RuntimeTarget, List<string> RootAssemblies, List<string> LinuxX64Twins);

    private static Deps ReadDeps(ZipArchive zip, string depsFile)
    {
        using var stream = zip.GetEntry(Tasks + depsFile)!.Open();
        using var json = JsonDocument.Parse(stream);
        var libraries = json.RootElement.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject().Select(l => l.Value).ToList();
        var rootAssemblies = libraries.SelectMany(l => l.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject() : [])
            .Select(asset => Path.GetFileName(asset.Name)).ToList();
        var linuxX64Twins = libraries.SelectMany(l => l.TryGetProperty("runtimeTargets", out var targets) ? targets.EnumerateObject() : [])
            .Where(asset => asset.Value.GetProperty("rid").GetString() == "linux-x64" && asset.Value.GetProperty("assetType").GetString() == "runtime")
            .Select(asset => asset.Name).ToList();
        return new Deps(json.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!, rootAssemblies, linuxX64Twins);
    }

    /// <summary>The PE machine of a ReadyToRun image (its CLI header points at a READYTORUN_HEADER), null for IL-only.</summary>
    private static ushort? ReadyToRunMachine(ZipArchiveEntry entry)
    {
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
            stream.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        var nativeHeader = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        if (nativeHeader.Size == 0)
            return null;
        const int readyToRunSignature = 0x00525452; // "RTR"
        Assert.Equal(readyToRunSignature, pe.GetSectionData(nativeHeader.RelativeVirtualAddress).GetReader().ReadInt32());
        return (ushort)pe.PEHeaders.CoffHeader.Machine;
    }
}
