using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Analysis;

/// <summary>
/// A copy of one of samples/analysis-gates/ in a temp directory that acts as the repository root: the sample folder, the
/// samples' Directory.*.props, the repository's nuget.config and tool manifest. Real tools run there, not in the source tree.
/// </summary>
internal sealed class SampleWorkspace : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    public SampleWorkspace(string sample)
    {
        Root = Path.Combine(Path.GetTempPath(), $"rsdk-{sample}-{Guid.NewGuid().ToString("N")[..8]}");
        CopyDirectory(Path.Combine(Samples, "analysis-gates", sample), Path.Combine(Root, sample));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
            File.Copy(Path.Combine(Samples, "analysis-gates", file), Path.Combine(Root, file));
        File.Copy(Path.Combine(Samples, "nuget.config"), Path.Combine(Root, "nuget.config"));
        CopyDirectory(Path.Combine(Samples, ".config"), Path.Combine(Root, ".config"));
        Project = Directory.EnumerateFiles(Path.Combine(Root, sample), "*.csproj").Single();
    }

    public string Root { get; }

    public string Project { get; }

    public string ProjectDirectory => Path.GetDirectoryName(Project)!;

    /// <summary>Replaces text in a sample file (the failing variants: a removed method, a model change); fails if the text is not there.</summary>
    public void Edit(string relative, string find, string replace)
    {
        var path = Path.Combine(ProjectDirectory, relative);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal)) throw new InvalidOperationException($"'{find}' is not in {path}");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>Runs dotnet in the workspace and throws with its output when it fails (setup steps, not the gate under test).</summary>
    public string Dotnet(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var result = ProcessRunner.Run("dotnet", arguments, Root, environment, TimeSpan.FromMinutes(5));
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => TempGitRepo.DeleteDirectory(Root);
}
