namespace Release.Sdk.Publish.NuGet;

/// <summary>
/// A folder used as a NuGet source. `dotnet nuget push` copies a package into it (flat layout), overwriting an existing
/// one, cannot skip duplicates, and ignores symbol packages: the plugin does those parts itself.
/// </summary>
internal static class LocalFeed
{
    /// <summary>True when the folder has this id and version, flat (Id.Version.nupkg) or hierarchical (id/version/id.version.nupkg).</summary>
    public static bool Contains(string folder, PackageFile package)
    {
        var version = package.Version.ToNormalizedString();
        var flat = Path.Combine(folder, $"{package.Id}.{version}.nupkg");
        var lower = package.Id.ToLowerInvariant();
        var hierarchical = Path.Combine(folder, lower, version.ToLowerInvariant(), $"{lower}.{version.ToLowerInvariant()}.nupkg");
        return File.Exists(flat) || File.Exists(hierarchical) || MatchesIgnoringCase(folder, Path.GetFileName(flat));
    }

    /// <summary>Copies a symbol package into a folder symbol source unless it is there already; true when copied.</summary>
    public static bool CopySymbols(string symbolPackage, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(symbolPackage));
        if (File.Exists(target)) return false;
        // Copy under a temporary name and rename: a crash never leaves a half-written file that a rerun would take as done.
        var partial = target + ".partial";
        File.Copy(symbolPackage, partial, overwrite: true);
        File.Move(partial, target, overwrite: true);
        return true;
    }

    // Linux file systems are case-sensitive, NuGet ids are not.
    private static bool MatchesIgnoringCase(string folder, string fileName) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.nupkg").Any(f => Path.GetFileName(f).Equals(fileName, StringComparison.OrdinalIgnoreCase));
}
