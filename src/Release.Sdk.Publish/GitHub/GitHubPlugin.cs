using Octokit;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// The GitHub release plugin, the @semantic-release/github of the release run:
/// <list type="bullet">
/// <item>verify conditions: options, repository and token (RSDK6001-6006); in a real run, that the token may push to the repository;</item>
/// <item>publish: the release for the tag, created or updated (reruns), and its assets (kept, replaced or uploaded); output <c>release-url</c>;</item>
/// <item>success: closes the failure issue, then "released in" comments and labels on the released issues and pull requests;</item>
/// <item>fail: opens or updates the one failure issue.</item>
/// </list>
/// It stays out of the run (logging why) when the repository is not on GitHub and nothing configures it.
/// </summary>
internal sealed class GitHubPlugin : IReleasePlugin
{
    private GitHubOptions? _options;
    private GitHubTarget? _target;
    private bool _resolved;
    private GitHubSession? _session;
    private string? _releaseUrl;

    public string Name => "github";

    public void VerifyConditions(ReleaseContext context)
    {
        if (!Resolve(context)) return;
        var token = GitHubToken.Find(_options!, context.Variable);
        if (token is null)
        {
            if (context.DryRun)
            {
                context.Warnings.Add(new Diagnostic(DiagnosticCatalog.GitHubTokenMissingDryRun,
                    $"No GitHub token in {GitHubToken.Where(_options!)}: the real release of {_target!.FullName} would stop with RSDK6001. {TokenAdvice}"));
                return;
            }
            throw new ReleaseException(DiagnosticCatalog.GitHubTokenMissing,
                $"The GitHub release of {_target!.FullName} needs a token in {GitHubToken.Where(_options!)}, and there is none. {TokenAdvice}");
        }
        // A dry run contacts nothing; the access check belongs to the real run.
        if (context.DryRun) return;
        CheckAccess(Session(context, token));
    }

    public void Publish(ReleaseContext context)
    {
        var session = ActiveSession(context);
        if (session is null || context.Tag is null) return;
        var release = ReleasePublisher.Ensure(session, context);
        _releaseUrl = release.HtmlUrl;
        context.Outputs["release-url"] = release.HtmlUrl;
        var specs = session.Options.DefaultAssets ? session.Options.Assets.Concat(AssetResolver.Defaults) : session.Options.Assets;
        var files = AssetResolver.Resolve(specs, context.WorkingDirectory, context.Warnings.Add);
        AssetPublisher.Publish(session, context, release, files);
    }

    public void Success(ReleaseContext context)
    {
        var session = ActiveSession(context);
        if (session is null || context.Tag is null) return;
        var releaseUrl = _releaseUrl ?? (context.Outputs.TryGetValue("release-url", out var url) ? url : $"{session.Target.WebUrl}/releases/tag/{Uri.EscapeDataString(context.Tag)}");
        IReadOnlyList<int> closed = [];
        try
        {
            closed = FailureIssue.CloseResolved(session, context, releaseUrl);
        }
        catch (ReleaseException e)
        {
            context.Warnings.Add(new Diagnostic(DiagnosticCatalog.GitHubFailIssueFailed, e.Message));
        }
        ReleasedComments.Post(session, context, releaseUrl, closed);
    }

    public void Fail(ReleaseContext context, ReleaseException error)
    {
        if (context.DryRun) return;
        if (!Resolve(context) || _options!.FailCommentDisabled) return;
        if (GitHubToken.Find(_options, context.Variable) is not { } token)
        {
            context.Log("no GitHub token: the failure issue is not opened");
            return;
        }
        FailureIssue.Report(Session(context, token), context, error);
    }

    private const string TokenAdvice =
        "On GitHub Actions give the job 'permissions: contents: write, issues: write, pull-requests: write' and the step " +
        "'env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'; elsewhere export a token with the repo scope and name its variable " +
        "with ReleaseGitHubTokenVariable. Set ReleaseGitHub=false to release without a GitHub release.";

    /// <summary>Reads options and target once; false when the plugin sits this run out.</summary>
    private bool Resolve(ReleaseContext context)
    {
        if (_resolved) return _target is not null;
        var reader = new GitHubSettingsReader(context.Settings, context.Config);
        var options = GitHubOptions.Read(reader);
        foreach (var (template, origin) in new[]
                 {
                     (options.ReleaseNameTemplate, "releaseNameTemplate"), (options.ReleaseBodyTemplate, "releaseBodyTemplate"),
                     (options.SuccessCommentTemplate, "successComment"), (options.FailCommentTemplate, "failComment"), (options.FailTitle, "failTitle"),
                 })
            GitHubTemplate.Validate(template, origin);
        foreach (var label in options.ReleasedLabels ?? []) GitHubTemplate.Validate(label, "releasedLabels");
        _options = options;
        _target = GitHubTarget.Resolve(context.RepositoryUrl, options, context.Variable);
        _resolved = true;
        if (_target is null) context.Log("the repository is not on GitHub and no GitHub setting is given: no GitHub release");
        return _target is not null;
    }

    private GitHubSession? ActiveSession(ReleaseContext context)
    {
        if (context.DryRun || !Resolve(context)) return null;
        var token = GitHubToken.Find(_options!, context.Variable)
            ?? throw new ReleaseException(DiagnosticCatalog.GitHubTokenMissing, $"The GitHub release needs a token in {GitHubToken.Where(_options!)}, and there is none. {TokenAdvice}");
        return Session(context, token);
    }

    private GitHubSession Session(ReleaseContext context, string token) =>
        _session ??= new GitHubSession(GitHubConnection.Create(_target!, token, _options!), _target!, _options!,
            new GitHubRetry(_options!, context.Log), token, context.Log);

    /// <summary>
    /// GET /repos/{owner}/{repo}: the token must see the repository and may push (releases need contents: write). A GitHub
    /// App installation token (Actions' GITHUB_TOKEN) reports push=false there, so, as semantic-release does, an answer of
    /// GET /installation/repositories proves an installation token, whose rights the workflow's permissions grant.
    /// </summary>
    private static void CheckAccess(GitHubSession s)
    {
        var repository = s.Find($"reading the repository {s.Target.FullName}", DiagnosticCatalog.GitHubAccessDenied,
            _ => s.Client.Repository.Get(s.Owner, s.Repo));
        if (repository is null)
            throw new ReleaseException(DiagnosticCatalog.GitHubAccessDenied,
                $"The repository {s.Target.FullName} was not found on {s.Target.ApiUrl} with the given token: check the repository URL and that the token can see the repository.");
        if (repository.Permissions is null || repository.Permissions.Push) return;
        var installation = s.Find("checking for an installation token", DiagnosticCatalog.GitHubAccessDenied,
            async _ => await s.Client.Connection.Get<object>(s.Api("installation/repositories"), new Dictionary<string, string> { ["per_page"] = "1" }).ConfigureAwait(false));
        if (installation is not null) return;
        throw new ReleaseException(DiagnosticCatalog.GitHubAccessDenied,
            $"The token may read {s.Target.FullName} but not push to it, and a GitHub release needs write access to its contents. " +
            "Give the token the repo scope (classic) or contents: write (fine-grained / Actions 'permissions:'), or use another token via ReleaseGitHubTokenVariable.");
    }
}
