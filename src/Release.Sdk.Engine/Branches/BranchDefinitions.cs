using NuGet.Versioning;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>semantic-release's lib/definitions/branches.js: how an entry's kind is decided and what makes it valid.</summary>
internal static class BranchDefinitions
{
    public static bool IsMaintenance(ExpandedBranch b) => b.Spec.Range is not null || BranchRange.IsMaintenanceRange(b.Name);

    public static bool IsPrerelease(ExpandedBranch b) => b.Spec.Prerelease is not null;

    public static bool IsRelease(ExpandedBranch b) => !IsMaintenance(b) && !IsPrerelease(b);

    public static BranchType TypeOf(ExpandedBranch b) =>
        IsMaintenance(b) ? BranchType.Maintenance : IsPrerelease(b) ? BranchType.Prerelease : BranchType.Release;

    /// <summary>EMAINTENANCEBRANCH: an explicit range must look like N.x, N.x.x or N.N.x.</summary>
    public static bool IsValidMaintenance(ExpandedBranch b) => b.Spec.Range is null || BranchRange.IsMaintenanceRange(b.Spec.Range);

    /// <summary>EPRERELEASEBRANCH: <c>1.0.0-&lt;preid&gt;.1</c> must be valid SemVer.</summary>
    public static bool IsValidPrerelease(ExpandedBranch b)
    {
        var preid = PrereleaseIdentifier(b);
        return preid.Length > 0 && SemVer.TryParse($"1.0.0-{preid}.1") is not null;
    }

    /// <summary><c>"prerelease": true</c> uses the branch name.</summary>
    public static string PrereleaseIdentifier(ExpandedBranch b) =>
        string.IsNullOrEmpty(b.Spec.Prerelease) ? b.Name : b.Spec.Prerelease;

    public static SemanticVersion FirstRelease { get; } = new(1, 0, 0);
}
