using CsCheck;
using NuGet.Versioning;
using Release.Sdk.Engine.Tests.Fakes;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>
/// IDE builds, CI artifacts and releases form one ordered line: on one branch, another commit (or releasing the
/// current one) never lowers the build version. Reverts are left out on purpose: reverting an unreleased feat
/// rightly lowers the next version (semantic-release drops the pair), so the line may step back there.
/// </summary>
public sealed class MonotonicBuildVersionTests
{
    private const string Release = "<release>";

    private static readonly Gen<string> Step = Gen.OneOf(
        "feat: add", "fix: repair", "perf: faster", "docs: words", "chore: deps", "refactor: tidy", "Update stuff",
        "feat!: break", "fix(api)!: rename", "feat: change\n\nBREAKING CHANGE: removed", "Merge pull request #1 from x/y",
        Release);

    [Fact]
    public void MoreCommitsOnMainNeverLowerTheBuildVersion()
    {
        Gen.Select(Gen.Bool, Step.Array[1, 30]).Sample((startTagged, steps) =>
        {
            var repo = new FakeRepository();
            repo.Commit("chore: init");
            if (startTagged) repo.Tag("v0.3.0");
            AssertMonotonic(repo, steps);
        }, iter: 50);
    }

    [Fact]
    public void MoreCommitsOnAPrereleaseBranchNeverLowerTheBuildVersion()
    {
        Step.Array[1, 30].Sample(steps =>
        {
            var repo = new FakeRepository();
            repo.Commit("feat: initial"); repo.Tag("v1.0.0");
            repo.Checkout("beta", create: true);
            AssertMonotonic(repo, steps);
        }, iter: 50);
    }

    private static void AssertMonotonic(FakeRepository repo, string[] steps)
    {
        var previous = Build(repo);
        foreach (var step in steps)
        {
            if (step == Release)
            {
                if (Decide.With(repo).NextTag is { } tag) repo.Tag(tag);
            }
            else
            {
                repo.Commit(step);
            }
            var current = Build(repo);
            Assert.True(VersionComparer.Default.Compare(current, previous) >= 0,
                $"{current} < {previous} after '{step}'\n{repo.Dump()}");
            previous = current;
        }
    }

    private static SemanticVersion Build(FakeRepository repo) => SemVer.Parse(Decide.With(repo).BuildVersion);
}
