namespace Release.Sdk.Git.Writing;

/// <summary>Remote URL facts the release run needs: is it http(s) (tokens go only there), and the URL without secrets.</summary>
internal static class RemoteUrls
{
    public static bool IsHttp(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Drops the user info of an http(s) URL (a token can hide there as the user name) and any <c>user:password@</c>
    /// elsewhere; keeps a bare ssh user (<c>ssh://git@host/…</c>), which is no secret. Other text is returned unchanged.
    /// </summary>
    public static string WithoutCredentials(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return url;
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0) return url;
        var userInfo = url[authorityStart..at];
        if (!IsHttp(url) && !userInfo.Contains(':')) return url;
        return url[..authorityStart] + url[(at + 1)..];
    }
}
