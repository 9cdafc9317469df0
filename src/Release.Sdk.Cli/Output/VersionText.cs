using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Cli.Output;

/// <summary><c>version</c> without <c>--json</c>: the build's summary line, then the decision's parts, one labelled line each.</summary>
internal static class VersionText
{
    public static void Write(TextWriter output, VersionDecision decision)
    {
        output.WriteLine(VersionSummary.Format(decision));
        Line(output, "Next release", DecisionText.NextRelease(decision));
        Line(output, "Build version", decision.BuildVersion);
        Line(output, "Previous release", decision.PreviousVersion is null ? "none" : $"{decision.PreviousVersion} ({decision.PreviousTag})");
        Line(output, "Bump", DecisionText.Bump(decision.Bump) ?? "none");
        Line(output, "Branch", Branch(decision));
        Line(output, "Commits", decision.PreviousTag is null ? $"{decision.CommitCount}" : $"{decision.CommitCount} since {decision.PreviousTag}");
    }

    private static string Branch(VersionDecision decision)
    {
        var name = decision.Branch ?? "(detached HEAD)";
        var type = DecisionText.BranchType(decision.BranchType);
        if (type is null) return $"{name} (not a release branch)";
        return decision.Channel is null ? $"{name} ({type}, default channel)" : $"{name} ({type}, channel '{decision.Channel}')";
    }

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine($"  {label + ":",-18}{value}");
}
