using Octokit;
using GitHubRelease = Octokit.Release;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// Creates the GitHub release for the tag, or brings an existing one (a rerun, or a release made by hand) up to date:
/// GET releases/tags/{tag}, then — because a draft has no tag yet — the list of releases, then POST or PATCH.
/// </summary>
internal static class ReleasePublisher
{
    public static GitHubRelease Ensure(GitHubSession s, ReleaseContext context)
    {
        var tag = context.Tag!;
        var values = GitHubTemplate.Values(context);
        var name = s.Options.ReleaseNameTemplate is { } nameTemplate ? GitHubTemplate.Render(nameTemplate, values, "releaseNameTemplate") : tag;
        var notes = s.Options.ReleaseBodyTemplate is { } bodyTemplate ? GitHubTemplate.Render(bodyTemplate, values, "releaseBodyTemplate") : context.Notes;

        var releases = s.Call("listing the releases", DiagnosticCatalog.GitHubReleaseFailed,
            _ => s.Client.Repository.Release.GetAll(s.Owner, s.Repo, new ApiOptions { PageSize = 100, PageCount = 1 }));
        var existing = s.Find($"reading the release of {tag}", DiagnosticCatalog.GitHubReleaseFailed,
                           _ => s.Client.Repository.Release.Get(s.Owner, s.Repo, tag))
                       ?? releases.FirstOrDefault(r => r.TagName == tag);
        var body = ReleaseBody.Compose(notes, s.Options.AddReleases, tag, context.Version, releases);
        var prerelease = context.IsPrerelease;

        GitHubRelease release;
        if (existing is null)
        {
            var request = new NewRelease(tag)
            {
                Name = name,
                Body = body,
                Draft = s.Options.Draft,
                Prerelease = prerelease,
                TargetCommitish = context.Branch,
            };
            release = s.Call($"creating the release {tag}", DiagnosticCatalog.GitHubReleaseFailed, async _ =>
            {
                try
                {
                    return await s.Client.Repository.Release.Create(s.Owner, s.Repo, request).ConfigureAwait(false);
                }
                catch (ApiValidationException e) when (e.ApiError?.Errors?.Any(x => x.Code == "already_exists") == true)
                {
                    // A retry after a 5xx whose create did go through: the release is there now; take it.
                    return await s.Client.Repository.Release.Get(s.Owner, s.Repo, tag).ConfigureAwait(false);
                }
            });
            context.Log($"created the GitHub release {tag}: {release.HtmlUrl}");
        }
        else
        {
            var update = new ReleaseUpdate
            {
                Name = name,
                Body = body,
                Draft = s.Options.Draft,
                Prerelease = prerelease,
            };
            release = s.Call($"updating the release {tag}", DiagnosticCatalog.GitHubReleaseFailed,
                _ => s.Client.Repository.Release.Edit(s.Owner, s.Repo, existing.Id, update));
            context.Log($"updated the existing GitHub release {tag}: {release.HtmlUrl}");
        }
        context.Journal.MarkDone("github:release", release.HtmlUrl);
        return release;
    }
}
