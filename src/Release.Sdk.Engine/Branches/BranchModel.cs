using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>
/// semantic-release 24's lib/branches/index.js: expand the <c>branches</c> option against the existing branches,
/// classify, validate (EMAINTENANCEBRANCH(ES), EPRERELEASEBRANCH(ES), ERELEASEBRANCHES, EDUPLICATEBRANCHES) and
/// normalize. <see cref="Branches"/> keeps semantic-release's order: maintenance, release, prerelease.
/// </summary>
internal sealed class BranchModel
{
    private BranchModel(IReadOnlyList<ResolvedBranch> branches) => Branches = branches;

    public IReadOnlyList<ResolvedBranch> Branches { get; }

    public ResolvedBranch? Find(string name) => Branches.FirstOrDefault(b => b.Name == name);

    /// <param name="specs">The configured <c>branches</c>.</param>
    /// <param name="existing">Existing branches (name, tip sha); the branch being built should carry HEAD as its tip.</param>
    /// <param name="releaseTagsAt">Release tags merged into a commit (<c>git tag --merged</c>), on the default channel.</param>
    public static BranchModel Resolve(
        IReadOnlyList<BranchSpec> specs,
        IReadOnlyList<BranchTip> existing,
        Func<string, IReadOnlyList<ReleaseTag>> releaseTagsAt)
    {
        var ordered = existing.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var expanded = BranchExpander.Expand(specs, ordered);
        var withTags = expanded
            .Select(b => new ResolvedBranchTags(b, new Lazy<IReadOnlyList<ReleaseTag>>(() => releaseTagsAt(b.TipSha))))
            .ToList();

        var maintenance = withTags.Where(b => BranchDefinitions.IsMaintenance(b.Branch)).ToList();
        var prerelease = withTags.Where(b => !BranchDefinitions.IsMaintenance(b.Branch) && BranchDefinitions.IsPrerelease(b.Branch)).ToList();
        var release = withTags.Where(b => BranchDefinitions.IsRelease(b.Branch)).ToList();

        Validate(maintenance, prerelease, release, expanded);

        return new BranchModel([
            .. BranchNormalizer.Maintenance(maintenance, release),
            .. BranchNormalizer.Release(release),
            .. BranchNormalizer.Prerelease(prerelease),
        ]);
    }

    private static void Validate(
        IReadOnlyList<ResolvedBranchTags> maintenance,
        IReadOnlyList<ResolvedBranchTags> prerelease,
        IReadOnlyList<ResolvedBranchTags> release,
        IReadOnlyList<ExpandedBranch> expanded)
    {
        // Same order as semantic-release collects its errors: maintenance, prerelease, release, duplicates.
        foreach (var b in maintenance.Where(b => !BranchDefinitions.IsValidMaintenance(b.Branch)))
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidMaintenanceBranch,
                $"EMAINTENANCEBRANCH: A maintenance branch is invalid in the branches configuration: branch '{b.Name}' has range '{b.Branch.Spec.Range}'. " +
                "Each maintenance branch must have a range formatted like N.x, N.x.x or N.N.x (N is a number). Fix the range in .releaserc.json (branches) or the ReleaseBranch item's Range metadata.");
        }
        // normalize.js checks that the computed ranges are unique; two maintenance branches get equal ranges
        // exactly when their X-ranges are equivalent (1.x and 1.x.x), which we check without reading any tags.
        var duplicateRange = maintenance
            .GroupBy(b => BranchRange.FromMaintenanceRange(b.Branch.Spec.Range ?? b.Name).ToString())
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicateRange is not null)
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidMaintenanceBranch,
                $"EMAINTENANCEBRANCHES: The maintenance branches are invalid in the branches configuration: {Names(duplicateRange)} cover the same range ({duplicateRange.Key}). " +
                "Each maintenance branch must have a unique range; remove one of them or give it another range in .releaserc.json (branches) or the ReleaseBranch items.");
        }
        foreach (var b in prerelease.Where(b => !BranchDefinitions.IsValidPrerelease(b.Branch)))
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidPrereleaseBranch,
                $"EPRERELEASEBRANCH: A pre-release branch configuration is invalid in the branches configuration: branch '{b.Name}' gives the prerelease identifier '{BranchDefinitions.PrereleaseIdentifier(b.Branch)}', " +
                $"which does not make a valid SemVer prerelease (1.0.0-{BranchDefinitions.PrereleaseIdentifier(b.Branch)}.1). Set \"prerelease\" to an identifier made of [0-9A-Za-z-] (or true to use the branch name) in .releaserc.json or the ReleaseBranch item's Prerelease metadata.");
        }
        var duplicatePreid = prerelease.GroupBy(b => BranchDefinitions.PrereleaseIdentifier(b.Branch)).FirstOrDefault(g => g.Count() > 1);
        if (duplicatePreid is not null)
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidPrereleaseBranch,
                $"EPRERELEASEBRANCHES: The pre-release branches are invalid in the branches configuration: {Names(duplicatePreid)} share the prerelease identifier '{duplicatePreid.Key}'. " +
                "Each pre-release branch must have a unique prerelease identifier; change \"prerelease\" in .releaserc.json or the ReleaseBranch item's Prerelease metadata.");
        }
        if (release.Count is 0 or > 3)
        {
            var found = release.Count == 0 ? "none exists in this repository" : $"{release.Count} exist ({Names(release)})";
            throw new ReleaseException(DiagnosticCatalog.ReleaseBranchesInvalid,
                $"ERELEASEBRANCHES: The release branches are invalid in the branches configuration: a minimum of 1 and a maximum of 3 release branches are required, and {found}. " +
                "This happens when the repository has no release branch such as main or master — in CI fetch all branches (actions/checkout with fetch-depth: 0), " +
                "or configure the branches in .releaserc.json or with ReleaseBranch items.");
        }
        var duplicates = expanded.GroupBy(b => b.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ReleaseException(DiagnosticCatalog.DuplicateBranchMatch,
                $"EDUPLICATEBRANCHES: The branches configuration has duplicate branches: {string.Join(", ", duplicates.Select(d => $"'{d}'"))}. " +
                "Each branch must have a unique name; remove the duplicate entry from .releaserc.json (branches) or the ReleaseBranch items.");
        }
    }

    private static string Names(IEnumerable<ResolvedBranchTags> branches) => string.Join(", ", branches.Select(b => $"'{b.Name}'"));
}
