using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.NuGet;

internal enum NuGetSourceKind
{
    /// <summary>An http(s) service index (or v2 feed) URL: needs an API key.</summary>
    Http,

    /// <summary>A local or network folder: NuGet copies the package file into it; no API key.</summary>
    Folder,

    /// <summary>The name of a source in nuget.config: NuGet resolves it (and its credentials) itself.</summary>
    Named,
}

/// <summary>Where packages go, as given by ReleaseNuGetSource / ReleaseNuGetSymbolSource.</summary>
/// <param name="Value">What dotnet nuget push gets: the URL, the folder's full path, or the source name.</param>
internal sealed record NuGetSource(string Value, NuGetSourceKind Kind)
{
    /// <summary>For logs and the journal: the URL without user info, the folder, or the name.</summary>
    public string Display => Kind == NuGetSourceKind.Http && Uri.TryCreate(Value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
        ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
        : Value;

    /// <param name="setting">The MSBuild property the value came from, named in errors.</param>
    /// <param name="workingDirectory">Relative folders are relative to the repository root, where the release runs.</param>
    public static NuGetSource Parse(string value, string setting, string workingDirectory)
    {
        var trimmed = value.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1)
        {
            if (uri.Scheme is "http" or "https") return new NuGetSource(trimmed, NuGetSourceKind.Http);
            if (uri.IsFile) return new NuGetSource(Path.GetFullPath(uri.LocalPath), NuGetSourceKind.Folder);
            throw new ReleaseException(DiagnosticCatalog.NuGetSettingInvalid,
                $"{setting} '{trimmed}' uses the scheme '{uri.Scheme}:'. Use an https:// service index URL (e.g. https://api.nuget.org/v3/index.json), a folder path, or the name of a source in nuget.config.");
        }
        // A bare word is a nuget.config source name, unless a folder of that name exists at the repository root.
        if (Path.IsPathRooted(trimmed) || trimmed.StartsWith('.') || trimmed.Contains('/', StringComparison.Ordinal) || trimmed.Contains('\\', StringComparison.Ordinal)
            || Directory.Exists(Path.Combine(workingDirectory, trimmed)))
            return new NuGetSource(Path.GetFullPath(trimmed, workingDirectory), NuGetSourceKind.Folder);
        return new NuGetSource(trimmed, NuGetSourceKind.Named);
    }
}
