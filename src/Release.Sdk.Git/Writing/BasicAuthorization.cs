using System.Text;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Writing;

/// <summary>The HTTP basic credentials git sends for a token (GitHub, GitLab, Azure DevOps and Bitbucket accept this form).</summary>
internal static class BasicAuthorization
{
    public static string Encode(GitCredentials credentials) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Token}"));

    public static string Header(GitCredentials credentials) => "AUTHORIZATION: basic " + Encode(credentials);
}
