using System.Text.Json.Nodes;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>What the contract server holds: one repository's releases, assets, issues, pull requests and comments.</summary>
internal sealed class FakeGitHubState
{
    private long _nextId = 1000;

    public long NextId() => Interlocked.Increment(ref _nextId);

    public List<FakeRelease> Releases { get; } = [];
    public Dictionary<int, FakeIssue> Issues { get; } = [];

    /// <summary>Commit sha → the numbers of the pull requests GitHub associates with it.</summary>
    public Dictionary<string, List<int>> PullsByCommit { get; } = new(StringComparer.Ordinal);

    /// <summary>permissions.push of GET /repos/{owner}/{repo}; null leaves the permissions object out (installation tokens).</summary>
    public bool? CanPush { get; set; } = true;

    /// <summary>Whether assets carry the newer API's <c>digest</c> field (older GitHub Enterprise servers do not).</summary>
    public bool AssetDigests { get; set; }

    public int NextIssueNumber => Issues.Count == 0 ? 1 : Issues.Keys.Max() + 1;

    public FakeIssue AddIssue(int number, string title, bool pullRequest = false, bool merged = false, bool locked = false)
    {
        var issue = new FakeIssue { Number = number, Title = title, IsPullRequest = pullRequest, Merged = merged, Locked = locked };
        Issues[number] = issue;
        return issue;
    }
}

internal sealed class FakeRelease
{
    public long Id { get; init; }
    public required string TagName { get; set; }
    public string? Name { get; set; }
    public string? Body { get; set; }
    public bool Draft { get; set; }
    public bool Prerelease { get; set; }
    public string? TargetCommitish { get; set; }
    public List<FakeAsset> Assets { get; } = [];
}

internal sealed class FakeAsset
{
    public long Id { get; init; }
    public required string Name { get; set; }
    public string? Label { get; set; }
    public required byte[] Content { get; set; }
    public string State { get; set; } = "uploaded";
    public string ContentType { get; set; } = "application/octet-stream";
}

internal sealed class FakeIssue
{
    public int Number { get; init; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string State { get; set; } = "open";
    public bool Locked { get; set; }
    public bool IsPullRequest { get; init; }
    public bool Merged { get; init; }
    public List<string> Labels { get; } = [];
    public List<string> Assignees { get; } = [];
    public List<(long Id, string Body)> Comments { get; } = [];
}

/// <summary>One request as the server saw it, for assertions on methods, paths, headers and bodies.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The body as JSON; null for an empty or binary (upload) body.</summary>
    public JsonNode? Json => Body.Length == 0 || Path.StartsWith("/uploads/", StringComparison.Ordinal) ? null : JsonNode.Parse(Body);

    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : "";
}

/// <summary>A fault the server injects on matching requests, once per <see cref="Times"/>.</summary>
internal sealed class Fault
{
    public required string Method { get; init; }
    public required string PathPattern { get; init; }
    public required FaultKind Kind { get; init; }
    public int Times { get; set; } = 1;
    public int RetryAfterSeconds { get; init; }
    public TimeSpan Delay { get; init; }
    public int Hits { get; set; }
}

internal enum FaultKind
{
    /// <summary>HTTP 500/502 with GitHub's error body.</summary>
    ServerError,

    /// <summary>HTTP 403 "You have exceeded a secondary rate limit" with Retry-After.</summary>
    SecondaryRateLimit,

    /// <summary>HTTP 429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>No answer before the client's timeout.</summary>
    Timeout,

    /// <summary>The upload is stored half-way (state "starter") and answered 502, as a dropped upload leaves it.</summary>
    BrokenUpload,
}
