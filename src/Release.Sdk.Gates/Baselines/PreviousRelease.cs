using System.Text.RegularExpressions;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Baselines;

/// <summary>
/// The release to compare with. Inside a release run it is the run's previous release. Standalone
/// (<c>dotnet build -t:ReleaseCheckGates</c>) the gates know no release, so the latest version tag reachable from HEAD
/// stands in (<c>git describe --tags --abbrev=0</c>); the commit check still needs the release run.
/// </summary>
internal sealed partial record PreviousRelease(string Tag, string Version, bool FromReleaseRun)
{
    [GeneratedRegex(@"(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionAtEnd();

    public static async Task<PreviousRelease?> FindAsync(GateContext context, CancellationToken cancellationToken)
    {
        if (context.Release is { } release)
            return release.PreviousVersion is null ? null : new PreviousRelease(release.PreviousTag ?? release.PreviousVersion, release.PreviousVersion, true);

        var describe = await context.Processes.RunAsync("git", ["describe", "--tags", "--abbrev=0"], context.RepositoryRoot, context.Environment,
            TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return describe.Succeeded ? FromTag(describe.StandardOutput.Trim()) : null;
    }

    /// <summary>v1.2.0, mylib-v1.2.0, 1.2.0-beta.1 → their version; tags that end in no version are not releases.</summary>
    public static PreviousRelease? FromTag(string tag)
    {
        var match = VersionAtEnd().Match(tag);
        return match.Success ? new PreviousRelease(tag, match.Groups["version"].Value, false) : null;
    }
}
