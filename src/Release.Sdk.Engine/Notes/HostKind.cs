namespace Release.Sdk.Engine.Notes;

/// <summary>The hosting service a repository URL points at; it decides the link paths and the issue-reference keywords.</summary>
internal enum HostKind
{
    /// <summary>Any other host (self-hosted GitLab, Gitea, …): release-notes-generator's <c>default</c> host settings.</summary>
    Other,
    GitHub,
    GitLab,
    Bitbucket,

    /// <summary>dev.azure.com / *.visualstudio.com: no host settings of its own in release-notes-generator (it uses the defaults).</summary>
    AzureDevOps,
}
