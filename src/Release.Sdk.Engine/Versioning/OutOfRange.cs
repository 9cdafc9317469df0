using NuGet.Versioning;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Versioning;

/// <summary>semantic-release's EINVALIDNEXTVERSION, as RSDK3001.</summary>
internal static class OutOfRange
{
    public static ReleaseException Error(SemanticVersion next, ResolvedBranch branch, BranchModel model, AnalysisResult analysis)
    {
        var version = SemVer.Format(next);
        // semantic-release lists every commit of the release; the ones asking for the offending bump are what to move.
        var responsible = analysis.Decisions.Where(d => d.Release == analysis.Bump && d.CancelledBy is null).ToList();
        var validBranches = model.Branches
            .Where(b => b.Type != BranchType.Prerelease && b.Accept.Contains(analysis.Bump))
            .Select(b => $"`{b.Name}`")
            .ToList();
        var message =
            $"EINVALIDNEXTVERSION: The release `{version}` on branch `{branch.Name}` cannot be published as it is out of range. " +
            $"Based on the releases published on other branches, only versions within the range `{branch.Range}` can be published from branch `{branch.Name}`. " +
            $"The following commit{(responsible.Count > 1 ? "s are" : " is")} responsible for the invalid release: " +
            string.Join(", ", responsible.Select(d => $"{d.Commit.Header} ({d.Commit.Source.ShortSha})")) + ". " +
            $"{(responsible.Count > 1 ? "Those commits" : "This commit")} should be moved to a valid branch with git merge or git cherry-pick and removed from branch `{branch.Name}` with git revert or git reset." +
            (validBranches.Count > 0 ? $" A valid branch could be {WordsList(validBranches)}." : "");
        return new ReleaseException(DiagnosticCatalog.NextVersionOutOfRange, message);
    }

    /// <summary>errors.js <c>wordsList</c>: "a, b or c".</summary>
    private static string WordsList(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
