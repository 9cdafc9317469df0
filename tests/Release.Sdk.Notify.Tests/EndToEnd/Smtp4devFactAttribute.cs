using System.Text.Json.Nodes;

namespace Release.Sdk.Notify.Tests.EndToEnd;

/// <summary>
/// A fact that needs smtp4dev (the Rnwood.Smtp4dev dotnet tool pinned in .config/dotnet-tools.json). On a dev box
/// without it restored the test is skipped with the reason; under CI=true it always runs, so a missing tool fails it
/// with a clear message instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Smtp4devFactAttribute : FactAttribute
{
    public Smtp4devFactAttribute()
    {
        if (Smtp4dev.IsCi || Smtp4dev.IsRestored(out _)) return;
        Skip = "smtp4dev is not restored here: run `dotnet tool restore` in the repository (CI does; under CI=true this test fails instead).";
    }
}

internal sealed partial class Smtp4dev
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root: where .config/dotnet-tools.json is, above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) return dir.FullName;
        }
        throw new InvalidOperationException("No .config/dotnet-tools.json above the test assembly: the tool manifest pins smtp4dev.");
    }

    /// <summary>Whether the pinned version is in the NuGet packages folder (where `dotnet tool restore` puts local tools).</summary>
    public static bool IsRestored(out string version)
    {
        version = "";
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), ".config", "dotnet-tools.json")));
            version = manifest?["tools"]?["rnwood.smtp4dev"]?["version"]?.GetValue<string>() ?? "";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return false;
        }
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return version.Length > 0 && Directory.Exists(Path.Combine(packages, "rnwood.smtp4dev", version));
    }
}
