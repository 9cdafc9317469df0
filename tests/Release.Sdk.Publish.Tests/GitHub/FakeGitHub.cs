using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>
/// A contract server for GitHub's REST API (docs.github.com/rest, API version 2022-11-28) on 127.0.0.1: the endpoints
/// the GitHub plugin uses, with GitHub's status codes, JSON shapes and header requirements (bearer token, Accept,
/// User-Agent, X-GitHub-Api-Version — a request without them is refused as GitHub would). Uploads go to the same
/// server through the release's <c>upload_url</c> URI template, as they go to uploads.github.com. Faults (5xx,
/// secondary rate limits, timeouts, broken uploads) are injected per request pattern.
/// </summary>
internal sealed partial class FakeGitHub : IDisposable
{
    public const string Token = "ghp_contractTestToken0123456789";
    public const string Owner = "acme";
    public const string Repo = "widget";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public FakeGitHub(string apiPrefix = "")
    {
        ApiPrefix = apiPrefix.TrimEnd('/');
        var started = LoopbackPorts.StartHttpListener();
        _listener = started.Listener;
        Port = started.Port;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>The path the API is served under: "" like api.github.com, "/api/v3" like GitHub Enterprise Server.</summary>
    public string ApiPrefix { get; }

    public string ApiUrl => $"http://127.0.0.1:{Port}{ApiPrefix}";

    public FakeGitHubState State { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Exceptions inside the fake itself (a test asserts there are none).</summary>
    public ConcurrentQueue<string> Bugs { get; } = new();

    public IReadOnlyList<RecordedRequest> Matching(string method, string pathPattern) =>
        Requests.Where(r => r.Method == method && Regex.IsMatch(r.Path, "^" + pathPattern + "$")).ToList();

    public Fault Inject(string method, string pathPattern, FaultKind kind, int times = 1, int retryAfterSeconds = 0, TimeSpan delay = default)
    {
        var fault = new Fault { Method = method, PathPattern = pathPattern, Kind = kind, Times = times, RetryAfterSeconds = retryAfterSeconds, Delay = delay };
        lock (_gate) _faults.Add(fault);
        return fault;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Shutdown();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            var bytes = buffer.ToArray();
            var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var path = request.Url!.AbsolutePath;
            // GitHub reads API bodies as JSON whatever the Content-Type (Octokit sends application/x-www-form-urlencoded);
            // upload bodies are the asset's bytes.
            var isJson = !path.StartsWith("/uploads/", StringComparison.Ordinal);
            var recorded = new RecordedRequest(request.HttpMethod, path, request.Url.Query, headers, isJson ? Encoding.UTF8.GetString(bytes) : bytes.Length == 0 ? "" : $"<{bytes.Length} bytes>");
            Requests.Enqueue(recorded);

            var (status, body, extraHeaders, rawBody, delay) = Handle(recorded, bytes, request.QueryString);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            response.StatusCode = status;
            foreach (var (name, value) in extraHeaders)
            {
                if (name == "Content-Type") response.ContentType = value;
                else response.Headers[name] = value;
            }
            var payload = rawBody ?? (body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString()));
            if (rawBody is null && body is not null) response.ContentType = "application/json; charset=utf-8";
            if (payload.Length > 0) await response.OutputStream.WriteAsync(payload, _stop.Token).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout fault) or the server is stopping.
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
#pragma warning disable CA1031 // a bug in the fake must surface in the test, not hang the client until its timeout
        catch (Exception e)
#pragma warning restore CA1031
        {
            Bugs.Enqueue(e.ToString());
            try
            {
                response.StatusCode = 599;
                response.Close();
            }
            catch (ObjectDisposedException) { }
        }
    }

    private readonly record struct Answer(int Status, JsonNode? Body, Dictionary<string, string> Headers, byte[]? Raw = null, TimeSpan Delay = default);

    private static Answer Json(int status, JsonNode? body) => new(status, body, []);

    private static Answer Error(int status, string message) => Json(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" });

    private (int, JsonNode?, Dictionary<string, string>, byte[]?, TimeSpan) Handle(RecordedRequest r, byte[] bytes, System.Collections.Specialized.NameValueCollection query)
    {
        var a = Route(r, bytes, query);
        return (a.Status, a.Body, a.Headers, a.Raw, a.Delay);
    }

    private Answer Route(RecordedRequest r, byte[] bytes, System.Collections.Specialized.NameValueCollection query)
    {
        // GitHub's header contract: every call is authenticated, names its client and its API version.
        if (r.Header("Authorization") != "Bearer " + Token) return Error(401, "Bad credentials");
        if (!r.Header("User-Agent").Contains("Release.Sdk", StringComparison.Ordinal)) return Error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header");
        if (r.Header("X-GitHub-Api-Version") != "2022-11-28") return Error(400, "Unsupported API version");
        var accept = r.Header("Accept");
        if (!accept.Contains("application/vnd.github", StringComparison.Ordinal) && !accept.Contains("application/json", StringComparison.Ordinal)
            && !accept.Contains("application/octet-stream", StringComparison.Ordinal))
            return Error(415, "Unsupported Accept header");

        var path = r.Path;
        var isUpload = path.StartsWith("/uploads/", StringComparison.Ordinal);
        if (!isUpload)
        {
            if (!path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal)) return Error(404, "Not Found");
            path = path[ApiPrefix.Length..];
        }
        else
        {
            path = path["/uploads".Length..];
        }

        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Hits < f.Times && f.Method == r.Method && Regex.IsMatch(path, "^" + f.PathPattern + "$"));
            if (fault is not null)
            {
                fault.Hits++;
                switch (fault.Kind)
                {
                    case FaultKind.ServerError:
                        return Error(502, "Server Error");
                    case FaultKind.SecondaryRateLimit:
                        return Error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.") with
                        {
                            Headers = new() { ["Retry-After"] = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture), ["x-ratelimit-remaining"] = "4000" },
                        };
                    case FaultKind.TooManyRequests:
                        return Error(429, "Too many requests") with { Headers = new() { ["Retry-After"] = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture) } };
                    case FaultKind.Timeout:
                        return Error(504, "late") with { Delay = fault.Delay };
                    case FaultKind.BrokenUpload:
                        var broken = Routes(r, path, bytes, query);
                        if (broken.Status == 201 && broken.Body?["id"] is { } id)
                            State.Releases.SelectMany(x => x.Assets).First(x => x.Id == id.GetValue<long>()).State = "starter";
                        return Error(502, "Server Error");
                }
            }
            return Routes(r, path, bytes, query);
        }
    }

    [GeneratedRegex(@"^/repos/(?<o>[^/]+)/(?<r>[^/]+)(?<rest>/.*)?$")]
    private static partial Regex RepoPath();

    private Answer Routes(RecordedRequest r, string path, byte[] bytes, System.Collections.Specialized.NameValueCollection query)
    {
        if (r.Method == "GET" && path == "/installation/repositories") return Error(403, "Resource not accessible by personal access token");
        if (r.Method == "GET" && path == "/search/issues") return Json(200, Search(query["q"] ?? ""));
        var m = RepoPath().Match(path);
        if (!m.Success || m.Groups["o"].Value != Owner || m.Groups["r"].Value != Repo) return Error(404, "Not Found");
        var rest = m.Groups["rest"].Value;
        var body = r.Json as JsonObject;
        Match x;

        if (rest == "" && r.Method == "GET") return Json(200, RepositoryJson());
        if (rest == "/releases" && r.Method == "GET") return Json(200, new JsonArray(State.Releases.AsEnumerable().Reverse().Select(ReleaseJson).ToArray()));
        if (rest == "/releases" && r.Method == "POST") return CreateRelease(body!);
        if ((x = Regex.Match(rest, @"^/releases/tags/(?<tag>.+)$")).Success && r.Method == "GET")
        {
            var tag = Uri.UnescapeDataString(x.Groups["tag"].Value);
            var release = State.Releases.FirstOrDefault(rel => rel.TagName == tag && !rel.Draft);
            return release is null ? Error(404, "Not Found") : Json(200, ReleaseJson(release));
        }
        if ((x = Regex.Match(rest, @"^/releases/(?<id>\d+)$")).Success && r.Method == "PATCH")
        {
            var release = State.Releases.FirstOrDefault(rel => rel.Id == long.Parse(x.Groups["id"].Value, CultureInfo.InvariantCulture));
            if (release is null) return Error(404, "Not Found");
            if (body!["name"] is { } n) release.Name = n.GetValue<string>();
            if (body["body"] is { } b) release.Body = b.GetValue<string>();
            if (body["draft"] is { } d) release.Draft = d.GetValue<bool>();
            if (body["prerelease"] is { } p) release.Prerelease = p.GetValue<bool>();
            return Json(200, ReleaseJson(release));
        }
        if ((x = Regex.Match(rest, @"^/releases/(?<id>\d+)/assets$")).Success)
        {
            var release = State.Releases.FirstOrDefault(rel => rel.Id == long.Parse(x.Groups["id"].Value, CultureInfo.InvariantCulture));
            if (release is null) return Error(404, "Not Found");
            if (r.Method == "GET") return Json(200, new JsonArray(release.Assets.Select(AssetJson).ToArray()));
            if (r.Method == "POST" && r.Path.StartsWith("/uploads/", StringComparison.Ordinal)) return Upload(release, r, bytes, query);
        }
        if ((x = Regex.Match(rest, @"^/releases/assets/(?<id>\d+)$")).Success)
        {
            var id = long.Parse(x.Groups["id"].Value, CultureInfo.InvariantCulture);
            var owner = State.Releases.FirstOrDefault(rel => rel.Assets.Any(a => a.Id == id));
            var asset = owner?.Assets.First(a => a.Id == id);
            if (asset is null) return Error(404, "Not Found");
            switch (r.Method)
            {
                case "GET" when r.Header("Accept").Contains("application/octet-stream", StringComparison.Ordinal):
                    return new Answer(200, null, new() { ["Content-Type"] = "application/octet-stream" }, asset.Content);
                case "GET":
                    return Json(200, AssetJson(asset));
                case "PATCH":
                    if (body!["name"] is { } n) asset.Name = n.GetValue<string>();
                    if (body["label"] is { } l) asset.Label = l.GetValue<string>();
                    return Json(200, AssetJson(asset));
                case "DELETE":
                    owner!.Assets.Remove(asset);
                    return Json(204, null);
            }
        }
        if (rest == "/issues" && r.Method == "POST")
        {
            var issue = State.AddIssue(State.NextIssueNumber, body!["title"]!.GetValue<string>());
            issue.Body = body["body"]?.GetValue<string>();
            foreach (var label in body["labels"]?.AsArray() ?? []) issue.Labels.Add(label!.GetValue<string>());
            foreach (var assignee in body["assignees"]?.AsArray() ?? []) issue.Assignees.Add(assignee!.GetValue<string>());
            return Json(201, IssueJson(issue));
        }
        if ((x = Regex.Match(rest, @"^/issues/(?<n>\d+)(?<sub>/comments|/labels)?$")).Success)
        {
            if (!State.Issues.TryGetValue(int.Parse(x.Groups["n"].Value, CultureInfo.InvariantCulture), out var issue)) return Error(404, "Not Found");
            switch (x.Groups["sub"].Value, r.Method)
            {
                case ("", "GET"):
                    return Json(200, IssueJson(issue));
                case ("", "PATCH"):
                    if (body!["state"] is { } s) issue.State = s.GetValue<string>();
                    if (body["title"] is { } t) issue.Title = t.GetValue<string>();
                    if (body["body"] is { } bd) issue.Body = bd.GetValue<string>();
                    return Json(200, IssueJson(issue));
                case ("/comments", "GET"):
                    return Json(200, new JsonArray(issue.Comments.Select(c => CommentJson(issue, c)).ToArray()));
                case ("/comments", "POST"):
                    if (issue.Locked) return Error(403, "Unable to create comment because issue is locked.");
                    var comment = (State.NextId(), body!["body"]!.GetValue<string>());
                    issue.Comments.Add(comment);
                    return Json(201, CommentJson(issue, comment));
                case ("/labels", "POST"):
                    // The documented body is {"labels": [...]} or, equally accepted, the bare array of names (what Octokit sends).
                    var names = r.Json is JsonArray bare ? bare : body?["labels"] as JsonArray;
                    if (names is null || names.Count == 0) return Error(422, "Invalid request. No labels given.");
                    foreach (var label in names.Select(l => l!.GetValue<string>()))
                        if (!issue.Labels.Contains(label)) issue.Labels.Add(label);
                    return Json(200, new JsonArray(issue.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l }).ToArray()));
            }
        }
        if ((x = Regex.Match(rest, @"^/compare/(?<base>.+)\.\.\.(?<head>.+)$")).Success && r.Method == "GET")
        {
            var key = $"{Uri.UnescapeDataString(x.Groups["base"].Value)}...{Uri.UnescapeDataString(x.Groups["head"].Value)}";
            if (!State.Compares.TryGetValue(key, out var commits)) return Error(404, "Not Found");
            return Json(200, new JsonObject
            {
                ["status"] = "ahead", ["ahead_by"] = commits.Count, ["behind_by"] = 0, ["total_commits"] = commits.Count,
                ["commits"] = new JsonArray(commits.Select(c => (JsonNode)new JsonObject
                {
                    ["sha"] = c.Sha, ["commit"] = new JsonObject { ["message"] = c.Message }, ["html_url"] = $"{Web}/commit/{c.Sha}",
                }).ToArray()),
                ["files"] = new JsonArray(),
            });
        }
        if ((x = Regex.Match(rest, @"^/commits/(?<sha>[0-9a-f]{7,40})/pulls$")).Success && r.Method == "GET")
        {
            var numbers = State.PullsByCommit.TryGetValue(x.Groups["sha"].Value, out var list) ? list : [];
            return Json(200, new JsonArray(numbers.Where(State.Issues.ContainsKey).Select(n => PullJson(State.Issues[n])).ToArray()));
        }
        return Error(404, "Not Found");
    }

    private Answer CreateRelease(JsonObject body)
    {
        var tag = body["tag_name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(tag)) return Json(422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["field"] = "tag_name", ["code"] = "missing_field" }) });
        if (State.Releases.Any(rel => rel.TagName == tag && !rel.Draft))
            return Json(422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["field"] = "tag_name", ["code"] = "already_exists" }) });
        var release = new FakeRelease
        {
            Id = State.NextId(),
            TagName = tag,
            Name = body["name"]?.GetValue<string>(),
            Body = body["body"]?.GetValue<string>(),
            Draft = body["draft"]?.GetValue<bool>() ?? false,
            Prerelease = body["prerelease"]?.GetValue<bool>() ?? false,
            TargetCommitish = body["target_commitish"]?.GetValue<string>(),
        };
        State.Releases.Add(release);
        return Json(201, ReleaseJson(release));
    }

    private Answer Upload(FakeRelease release, RecordedRequest r, byte[] bytes, System.Collections.Specialized.NameValueCollection query)
    {
        var name = query["name"];
        if (string.IsNullOrEmpty(name)) return Error(422, "name is required");
        if (r.Header("Content-Type").Length == 0) return Error(422, "Content-Type is required");
        if (release.Assets.Any(a => a.Name == name))
            return Json(422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "ReleaseAsset", ["code"] = "already_exists", ["field"] = "name" }) });
        var asset = new FakeAsset { Id = State.NextId(), Name = name, Label = query["label"], Content = bytes, ContentType = r.Header("Content-Type") };
        release.Assets.Add(asset);
        return Json(201, AssetJson(asset));
    }

    private JsonObject Search(string q)
    {
        // The plugin's query: repo:o/r type:issue state:open in:title "title"
        var title = Regex.Match(q, "\"(?<t>[^\"]*)\"").Groups["t"].Value;
        var items = State.Issues.Values
            .Where(i => !i.IsPullRequest && (!q.Contains("state:open", StringComparison.Ordinal) || i.State == "open"))
            .Where(i => title.Length == 0 || i.Title.Contains(title, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Number)
            .Select(IssueJson).ToArray();
        return new JsonObject { ["total_count"] = items.Length, ["incomplete_results"] = false, ["items"] = new JsonArray(items) };
    }

    private string Web => $"https://github.com/{Owner}/{Repo}";
    private string Api => $"http://127.0.0.1:{Port}{ApiPrefix}/repos/{Owner}/{Repo}";

    private JsonObject RepositoryJson()
    {
        var repo = new JsonObject
        {
            ["id"] = 1, ["name"] = Repo, ["full_name"] = $"{Owner}/{Repo}", ["private"] = false, ["html_url"] = Web, ["url"] = Api,
            ["owner"] = new JsonObject { ["login"] = Owner, ["id"] = 2, ["type"] = "Organization" },
        };
        if (State.CanPush is { } push) repo["permissions"] = new JsonObject { ["admin"] = false, ["push"] = push, ["pull"] = true };
        return repo;
    }

    private JsonNode ReleaseJson(FakeRelease r) => new JsonObject
    {
        ["id"] = r.Id,
        ["url"] = $"{Api}/releases/{r.Id}",
        ["html_url"] = r.Draft ? $"{Web}/releases/tag/untagged-{r.Id}" : $"{Web}/releases/tag/{r.TagName}",
        ["assets_url"] = $"{Api}/releases/{r.Id}/assets",
        ["upload_url"] = $"http://127.0.0.1:{Port}/uploads/repos/{Owner}/{Repo}/releases/{r.Id}/assets{{?name,label}}",
        ["tag_name"] = r.TagName,
        ["target_commitish"] = r.TargetCommitish ?? "main",
        ["name"] = r.Name,
        ["body"] = r.Body,
        ["draft"] = r.Draft,
        ["prerelease"] = r.Prerelease,
        ["created_at"] = "2026-11-26T00:00:00Z",
        ["published_at"] = r.Draft ? null : "2026-11-26T00:00:00Z",
        ["author"] = new JsonObject { ["login"] = "release-bot", ["id"] = 3 },
        ["assets"] = new JsonArray(r.Assets.Select(AssetJson).ToArray()),
    };

    private JsonNode AssetJson(FakeAsset a)
    {
        var json = new JsonObject
        {
            ["id"] = a.Id,
            ["url"] = $"{Api}/releases/assets/{a.Id}",
            ["browser_download_url"] = $"{Web}/releases/download/x/{a.Name}",
            ["name"] = a.Name,
            ["label"] = a.Label,
            ["state"] = a.State,
            ["content_type"] = a.ContentType,
            ["size"] = a.Content.Length,
            ["download_count"] = 0,
            ["created_at"] = "2026-11-26T00:00:00Z",
            ["updated_at"] = "2026-11-26T00:00:00Z",
            ["uploader"] = new JsonObject { ["login"] = "release-bot", ["id"] = 3 },
        };
        if (State.AssetDigests) json["digest"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(a.Content));
        return json;
    }

    private JsonNode IssueJson(FakeIssue i) => new JsonObject
    {
        ["id"] = i.Number + 50_000,
        ["number"] = i.Number,
        ["title"] = i.Title,
        ["body"] = i.Body,
        ["state"] = i.State,
        ["locked"] = i.Locked,
        ["html_url"] = $"{Web}/{(i.IsPullRequest ? "pull" : "issues")}/{i.Number}",
        ["url"] = $"{Api}/issues/{i.Number}",
        ["comments"] = i.Comments.Count,
        ["labels"] = new JsonArray(i.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l }).ToArray()),
        ["user"] = new JsonObject { ["login"] = "someone", ["id"] = 4 },
        ["pull_request"] = i.IsPullRequest ? new JsonObject { ["url"] = $"{Api}/pulls/{i.Number}", ["html_url"] = $"{Web}/pull/{i.Number}" } : null,
        ["created_at"] = "2026-11-20T00:00:00Z",
    };

    private JsonNode PullJson(FakeIssue i) => new JsonObject
    {
        ["id"] = i.Number + 90_000,
        ["number"] = i.Number,
        ["state"] = i.Merged ? "closed" : i.State,
        ["title"] = i.Title,
        ["html_url"] = $"{Web}/pull/{i.Number}",
        ["merged_at"] = i.Merged ? "2026-11-25T00:00:00Z" : null,
        ["base"] = new JsonObject { ["ref"] = "main", ["repo"] = new JsonObject { ["full_name"] = $"{Owner}/{Repo}" } },
        ["head"] = new JsonObject { ["ref"] = $"feature-{i.Number}" },
        ["user"] = new JsonObject { ["login"] = "someone", ["id"] = 4 },
    };

    private JsonNode CommentJson(FakeIssue issue, (long Id, string Body) c) => new JsonObject
    {
        ["id"] = c.Id,
        ["body"] = c.Body,
        ["html_url"] = $"{Web}/issues/{issue.Number}#issuecomment-{c.Id}",
        ["user"] = new JsonObject { ["login"] = "release-bot", ["id"] = 3 },
        ["created_at"] = "2026-11-26T00:00:00Z",
    };
}
