using Release.Sdk.Gates.ApiCompat;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.ApiCompat;

/// <summary>The API change against the bump the commits justify.</summary>
public sealed class ApiCompatEvaluatorTests
{
    private static readonly ApiChange Removed = new("CP0002", "int Calc.Subtract(int, int)", "Member 'int Calc.Subtract(int, int)' exists on [Baseline] … but not on …", true);
    private static readonly ApiChange Added = new("openapi-operation-added", "POST /orders", "POST /orders: new operation", false);

    [Theory]
    [InlineData("minor")]
    [InlineData("patch")]
    public void A_break_when_the_commits_justify_only_minor_or_patch_fails(string releaseType)
    {
        var verdict = ApiCompatEvaluator.Evaluate([Removed, Added], "Calc 1.2.0", new GateRelease("1.3.0", "1.2.0", "v1.2.0", releaseType));

        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal($"breaking API change without a breaking-change commit: 1 breaking, 1 compatible change(s) against Calc 1.2.0, but the commits since v1.2.0 justify a {releaseType} release (1.3.0)", verdict.Summary);
        Assert.Contains("BREAKING CHANGE:", verdict.Remedy, StringComparison.Ordinal);
        Assert.Equal(["CP0002", "openapi-operation-added"], verdict.Findings.Select(f => f.Rule)); // breaking first
        Assert.Equal("error", verdict.Findings[0].Severity);
        Assert.Contains(verdict.Figures, f => f.Name == "breaking API changes" && f.Value == 1 && f.Threshold == 0);
    }

    [Fact]
    public void A_break_in_a_major_release_passes()
    {
        var verdict = ApiCompatEvaluator.Evaluate([Removed], "Calc 1.2.0", new GateRelease("2.0.0", "1.2.0", "v1.2.0", "major"));

        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("warning", verdict.Findings[0].Severity);
    }

    [Fact]
    public void A_major_release_without_any_break_warns()
    {
        var verdict = ApiCompatEvaluator.Evaluate([Added], "Calc 1.2.0", new GateRelease("2.0.0", "1.2.0", "v1.2.0", "major"));

        Assert.Equal(GateStatus.Warn, verdict.Status);
        Assert.Contains("no breaking change", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Compatible_changes_in_a_minor_release_pass()
    {
        Assert.Equal(GateStatus.Pass, ApiCompatEvaluator.Evaluate([Added], "Calc 1.2.0", new GateRelease("1.3.0", "1.2.0", "v1.2.0", "minor")).Status);
    }

    [Fact]
    public void Standalone_reports_the_break_without_the_commit_check_and_says_so()
    {
        var broken = ApiCompatEvaluator.Evaluate([Removed], "Calc 1.2.0", release: null);
        var clean = ApiCompatEvaluator.Evaluate([], "Calc 1.2.0", release: null);

        Assert.Equal(GateStatus.Warn, broken.Status);
        Assert.Contains("commit check skipped", broken.Summary, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Pass, clean.Status);
        Assert.Contains("commit check skipped", clean.Summary, StringComparison.Ordinal);
    }
}
