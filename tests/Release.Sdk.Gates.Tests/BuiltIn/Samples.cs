namespace Release.Sdk.Gates.Tests.BuiltIn;

/// <summary>Fixture projects and recorded tool output, found next to the test assembly.</summary>
internal static class Samples
{
    public static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", name));

    /// <summary>Copies Fixtures/&lt;name&gt; to a fresh temp folder (outside this repository's Directory.Build.props).</summary>
    public static TempDirectory Copy(string name)
    {
        var target = new TempDirectory();
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>
    /// A tool a sample needs (docker-registry) is missing: under CI=true that is a failure with the install hint; on a
    /// developer box the test returns early with the reason printed.
    /// </summary>
    public static bool Missing(string what, string install, Xunit.Abstractions.ITestOutputHelper output)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{what} is missing on this CI machine: {install} (.ci/run must install it).");
        output.WriteLine($"SKIPPED: {what} is missing ({install}).");
        return true;
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

}
