using System.Reflection;
using Octokit;
using Octokit.Internal;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// Builds the Octokit client for one run: bearer token (never logged), the API base (github.com or GHE), the request
/// timeout, and a handler that sends the REST API version header GitHub documents (X-GitHub-Api-Version) — Octokit
/// does not send it, and without it newer fields such as an asset's <c>digest</c> may be left out.
/// </summary>
internal static class GitHubConnection
{
    public const string ApiVersion = "2022-11-28";

    public static GitHubClient Create(GitHubTarget target, string token, GitHubOptions options)
    {
        var version = typeof(GitHubConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var product = new ProductHeaderValue("Release.Sdk", plus < 0 ? version : version[..plus]);
        var http = new HttpClientAdapter(() => new ApiVersionHandler { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
        var connection = new Connection(product, BaseAddress(target.ApiUrl), new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)),
            http, new SimpleJsonSerializer());
        connection.SetRequestTimeout(options.RequestTimeout);
        return new GitHubClient(connection);
    }

    /// <summary>Octokit resolves relative paths against the base, so the base needs its trailing slash (https://ghe/api/v3/).</summary>
    public static Uri BaseAddress(Uri api) => api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");

    private sealed class ApiVersionHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Headers.Contains("X-GitHub-Api-Version")) request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
