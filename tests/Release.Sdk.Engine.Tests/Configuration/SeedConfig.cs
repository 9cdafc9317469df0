using System.Runtime.CompilerServices;

namespace Release.Sdk.Engine.Tests.Configuration;

/// <summary>The seed .releaserc.json of issue 2, verbatim from docs/seed-release-automation.md.</summary>
internal static class SeedConfig
{
    public static string Path => Fixture("seed.releaserc.json");

    public static string Json => File.ReadAllText(Path);

    public static string Fixture(string name, [CallerFilePath] string here = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "Fixtures", name);
}
