using System.Text.Json.Nodes;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Docs;

/// <summary>
/// A copy of samples/gates-docs in a temp folder that is a repository of its own: a tool manifest pinning the
/// repository's docfx (and nothing else), restored once. Each test works on its own copy of the site.
/// </summary>
public sealed class DocfxSample : IDisposable
{
    private readonly TempDirectory _root = new();

    public DocfxSample()
    {
        var repository = RepositoryRoot();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, ".config", "dotnet-tools.json")))!.AsObject();
        var docfx = manifest["tools"]?["docfx"]?.DeepClone()
            ?? throw new InvalidOperationException(".config/dotnet-tools.json pins no docfx: the docs gate needs it (dotnet tool install docfx --version 2.81.0).");
        var pinned = new JsonObject { ["version"] = 1, ["isRoot"] = true, ["tools"] = new JsonObject { ["docfx"] = docfx } };
        _root.File(".config/dotnet-tools.json", pinned.ToJsonString());
        Directory.CreateDirectory(Path.Combine(_root.Path, ".git")); // the gate's repository root
        SampleDirectory = Path.Combine(repository, "samples", "gates-docs");
        DocfxVersion = (string)docfx["version"]!;

        var restore = ProcessRunner.Run("dotnet", ["tool", "restore"], _root.Path);
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`dotnet tool restore` failed, so docfx {DocfxVersion} is not available for the docs gate tests (CI runs it in .ci/run):\n{restore.Output}");
        }
    }

    public string Root => _root.Path;

    public string SampleDirectory { get; }

    public string DocfxVersion { get; }

    /// <summary>A fresh copy of the sample site under the temp repository, returned as its folder.</summary>
    public string CopySite(string name)
    {
        var target = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(SampleDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SampleDirectory, file);
            if (relative.StartsWith("_site", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        return target;
    }

    public void Dispose() => _root.Dispose();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReleaseSdk.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No ReleaseSdk.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
