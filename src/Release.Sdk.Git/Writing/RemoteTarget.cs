namespace Release.Sdk.Git.Writing;

/// <summary>A remote as git is asked for it (a name like <c>origin</c>, or a URL) with the URLs it resolves to, if known.</summary>
internal sealed record RemoteTarget(string Name, string? FetchUrl, string? PushUrl)
{
    /// <summary>How messages name the remote: its name, or its URL without credentials.</summary>
    public string Display => FetchUrl is null || FetchUrl == Name ? RemoteUrls.WithoutCredentials(Name) : Name;
}
