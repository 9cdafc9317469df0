using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// A git remote as release-notes-generator 14.1.1 reads it for links: <c>.git</c> dropped, scp-style remotes
/// (<c>git@github.com:o/r</c>) read as ssh URLs, credentials and ssh ports dropped, <c>http</c> kept only for plain
/// http remotes (everything else links over https), the first path segment the owner and the rest the repository.
/// </summary>
/// <param name="Host">Scheme, host and port, e.g. <c>https://github.com</c>; the links' base.</param>
/// <param name="Hostname">Lower-case host name, e.g. <c>github.com</c>.</param>
/// <param name="Owner">First path segment (null when the path is empty).</param>
/// <param name="Repository">The rest of the path (null when there is none), e.g. <c>widget</c> or <c>sub/widget</c>.</param>
internal sealed partial record RepositoryUrl(string Host, string Hostname, string? Owner, string? Repository)
{
    public HostKind Kind => Hostname switch
    {
        "github.com" => HostKind.GitHub,
        "gitlab.com" => HostKind.GitLab,
        "bitbucket.org" => HostKind.Bitbucket,
        "dev.azure.com" or "ssh.dev.azure.com" => HostKind.AzureDevOps,
        _ when Hostname.EndsWith(".visualstudio.com", StringComparison.Ordinal) => HostKind.AzureDevOps,
        _ => HostKind.Other,
    };

    /// <summary><c>host/owner/repository</c>, the web address of the repository (no credentials).</summary>
    public string WebUrl => $"{Host}/{Owner}/{Repository}";

    /// <summary>Reads a remote URL; null when it is not a URL at all (empty, or no host can be found).</summary>
    public static RepositoryUrl? Parse(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote)) return null;
        var url = GitSuffix().Replace(remote, "");
        var scp = ScpStyle().Match(url);
        if (scp.Success)
        {
            var auth = scp.Groups["auth"].Success ? scp.Groups["auth"].Value + "@" : "";
            url = $"ssh://{auth}{scp.Groups["host"].Value}/{scp.Groups["path"].Value}";
        }

        if (!TrySplit(url, out var scheme, out var hostname, out var port, out var path)) return null;
        var isSsh = scheme.Contains("ssh", StringComparison.Ordinal);
        var protocol = PlainHttp().IsMatch(scheme + ":") ? "http" : "https";
        if (isSsh || IsDefaultPort(scheme, port)) port = "";
        var host = $"{protocol}://{hostname}{(port.Length > 0 ? ":" + port : "")}";
        var parts = OwnerAndRepository().Match(path);
        string? owner = parts.Success && parts.Groups["owner"].Success ? parts.Groups["owner"].Value : null;
        string? repository = parts.Success && parts.Groups["repository"].Success ? parts.Groups["repository"].Value : null;
        return new RepositoryUrl(host, hostname, owner, repository);
    }

    /// <summary>WHATWG URL parsing reduced to what the links use: scheme, host name, port and path.</summary>
    private static bool TrySplit(string url, out string scheme, out string hostname, out string port, out string path)
    {
        scheme = hostname = port = path = "";
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        scheme = url[..colon].ToLowerInvariant();
        var rest = url[(colon + 1)..].TrimStart('/');
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        path = end < 0 ? "/" : rest[end..];
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0) path = path[..cut];
        if (path.Length == 0) path = "/";
        var at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];
        var portColon = authority.LastIndexOf(':');
        if (portColon >= 0 && !authority.EndsWith(']'))
        {
            port = authority[(portColon + 1)..];
            authority = authority[..portColon];
        }

        // WHATWG URL lower-cases the host of special schemes only; an ssh host is opaque and keeps its case.
        hostname = scheme is "http" or "https" or "ftp" or "ws" or "wss" or "file" ? authority.ToLowerInvariant() : authority;
        return hostname.Length > 0;
    }

    private static bool IsDefaultPort(string scheme, string port) =>
        port.Length == 0 || (scheme == "https" && port == "443") || (scheme == "http" && port == "80");

    [GeneratedRegex(@"\.git$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GitSuffix();

    [GeneratedRegex(@"^(?!.+://)(?:(?<auth>.*)@)?(?<host>.*?):(?<path>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpStyle();

    [GeneratedRegex("http[^s]", RegexOptions.CultureInvariant)]
    private static partial Regex PlainHttp();

    [GeneratedRegex("^/(?<owner>[^/]+)?/?(?<repository>.+)?$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex OwnerAndRepository();
}
