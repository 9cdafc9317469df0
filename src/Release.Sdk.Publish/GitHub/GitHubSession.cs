using System.Net;
using Octokit;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// One run's connection to GitHub: the client, the target repository, the options and the retry policy. Every call
/// goes through <see cref="Call{T}"/>, which retries what passes and turns what does not into a coded error that says
/// what was being done and what to do, with the token redacted.
/// </summary>
internal sealed class GitHubSession(GitHubClient client, GitHubTarget target, GitHubOptions options, GitHubRetry retry, string token, Action<string> log)
{
    public GitHubClient Client { get; } = client;
    public GitHubTarget Target { get; } = target;
    public GitHubOptions Options { get; } = options;
    public Action<string> Log { get; } = log;

    public string Owner => Target.Owner;
    public string Repo => Target.Name;

    public Uri Api(string relative) => new(relative, UriKind.Relative);

    public T Call<T>(string what, DiagnosticDescriptor descriptor, Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return retry.Run(call).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            throw Error(what, descriptor, e);
        }
    }

    public void Call(string what, DiagnosticDescriptor descriptor, Func<CancellationToken, Task> call) =>
        Call<bool>(what, descriptor, async ct => { await call(ct).ConfigureAwait(false); return true; });

    /// <summary>A call whose "not found" answer is a value (null), not an error.</summary>
    public T? Find<T>(string what, DiagnosticDescriptor descriptor, Func<CancellationToken, Task<T>> call) where T : class =>
        Call(what, descriptor, async ct =>
        {
            try
            {
                return await call(ct).ConfigureAwait(false);
            }
            catch (NotFoundException)
            {
                return null;
            }
        });

    public ReleaseException Error(string what, DiagnosticDescriptor descriptor, Exception e)
    {
        var transient = GitHubRetry.IsTransient(e);
        var code = transient ? DiagnosticCatalog.GitHubRetryLimit : descriptor;
        var detail = e is ApiException api ? Detail(api) : GitHubRetry.Describe(e);
        var advice = e switch
        {
            AuthorizationException => $"The token in {GitHubToken.Where(Options)} was refused: check that it is valid and not expired.",
            ForbiddenException or ApiException { StatusCode: HttpStatusCode.Forbidden } when !transient =>
                "The token lacks a permission: a release needs contents: write, comments need issues: write and pull-requests: write (see docs/github.md).",
            NotFoundException => $"Check that {Target.FullName} exists on {Target.ApiUrl} and that the token can see it.",
            _ when transient && retry is not null => $"GitHub kept failing after {Options.MaxAttempts} attempts (or asked to wait longer than {Options.MaxRetryDelay.TotalSeconds:0} s): run the release again later; a rerun completes it without duplicates.",
            _ => "Fix the cause and run the release again; a rerun completes it without duplicates.",
        };
        return new ReleaseException(code, ReleaseErrors.Redact($"GitHub: {what} failed: {detail}. {advice}", token), e);
    }

    private static string Detail(ApiException e)
    {
        var errors = e.ApiError?.Errors is { Count: > 0 } list ? " (" + string.Join("; ", list.Select(x => $"{x.Resource}.{x.Field}: {x.Code} {x.Message}".Trim())) + ")" : "";
        var status = (int)e.StatusCode == 0 ? "" : $"HTTP {(int)e.StatusCode} ";
        return $"{status}{e.ApiError?.Message ?? e.Message}{errors}";
    }
}
