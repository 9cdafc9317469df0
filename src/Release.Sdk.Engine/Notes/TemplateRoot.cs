namespace Release.Sdk.Engine.Notes;

/// <summary>
/// The template's root context (conventional-changelog-writer's final context as release-notes-generator builds
/// it): link parts, tags, version and date. Null members are JavaScript's <c>undefined</c>.
/// </summary>
internal sealed record TemplateRoot
{
    public required string Version { get; init; }

    public required string Date { get; init; }

    public required bool IsPatch { get; init; }

    /// <summary><c>https://github.com</c>: scheme, host and port.</summary>
    public string? Host { get; init; }

    public string? Owner { get; init; }

    public string? Repository { get; init; }

    /// <summary>Path segment of commit links (<c>commit</c>, Bitbucket <c>commits</c>).</summary>
    public required string Commit { get; init; }

    /// <summary>Path segment of issue links (<c>issues</c>, Bitbucket <c>issue</c>).</summary>
    public required string Issue { get; init; }

    public string? PreviousTag { get; init; }

    public string? CurrentTag { get; init; }

    public required bool LinkCompare { get; init; }

    public required bool LinkReferences { get; init; }

    /// <summary>A root field by name, for URL formats that use other placeholders.</summary>
    public string? Field(string name) => name switch
    {
        "version" => Version,
        "date" => Date,
        "isPatch" => IsPatch ? "true" : "false",
        "host" => Host,
        "owner" => Owner,
        "repository" => Repository,
        "commit" => Commit,
        "issue" => Issue,
        "previousTag" => PreviousTag,
        "currentTag" => CurrentTag,
        "linkCompare" => LinkCompare ? "true" : "false",
        "linkReferences" => LinkReferences ? "true" : "false",
        _ => null,
    };
}
