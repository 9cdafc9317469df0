using Microsoft.Extensions.FileSystemGlobbing;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.GitHub;

/// <summary>A file to attach: where it is, the asset name on GitHub, and its label.</summary>
internal sealed record AssetFile(string FullPath, string Name, string? Label);

/// <summary>
/// Turns asset specs (paths and globs relative to the repository root) into files, as @semantic-release/github does:
/// a spec that matches nothing is a warning (RSDK6007), not an error; a file named twice is attached once (first spec
/// wins, so an explicit ReleaseAsset label beats a default); a spec with a <c>name</c> that matches several files keeps
/// the file names (a name is for one file).
/// </summary>
internal static class AssetResolver
{
    /// <summary>Files attached without configuration when they exist (the seed's OpenAPI document).</summary>
    public static IReadOnlyList<AssetSpec> Defaults { get; } =
    [
        new("docs/api/openapi.json", null, "OpenAPI Specification", "default assets"),
    ];

    public static List<AssetFile> Resolve(IEnumerable<AssetSpec> specs, string root, Action<Diagnostic> warn, bool warnWhenMissing = true)
    {
        var files = new List<AssetFile>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            var matches = Match(spec.Pattern, root);
            if (matches.Count == 0)
            {
                if (warnWhenMissing && spec.Origin != "default assets")
                    warn(new Diagnostic(DiagnosticCatalog.GitHubAssetNotFound,
                        $"The release asset '{spec.Pattern}' ({spec.Origin}) matched no file under {root}; it is not attached. Check the path (relative to the repository root) or that the build produced the file before the release."));
                continue;
            }
            foreach (var path in matches)
            {
                var name = AssetName(spec.Name is not null && matches.Count == 1 ? spec.Name : Path.GetFileName(path));
                if (names.Add(name)) files.Add(new AssetFile(path, name, spec.Label));
            }
        }
        return files;
    }

    /// <summary>GitHub renames uploaded assets: characters other than letters, digits, '-', '_', '.', '+', '@' become '.'.</summary>
    public static string AssetName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' or '@' ? c : '.').ToArray();
        return new string(chars);
    }

    private static List<string> Match(string pattern, string root)
    {
        var normalized = pattern.Replace('\\', '/');
        if (normalized.IndexOfAny(['*', '?', '[', '{']) < 0)
        {
            var full = Path.GetFullPath(normalized, root);
            return File.Exists(full) ? [full] : [];
        }
        var baseDirectory = root;
        if (Path.IsPathRooted(normalized))
        {
            // An absolute glob: match below its fixed leading directories.
            var firstWild = normalized.IndexOfAny(['*', '?', '[', '{']);
            var cut = normalized.LastIndexOf('/', firstWild);
            baseDirectory = cut <= 0 ? "/" : normalized[..cut];
            normalized = normalized[(cut + 1)..];
        }
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(normalized);
        return matcher.GetResultsInFullPath(baseDirectory).Order(StringComparer.Ordinal).ToList();
    }
}
