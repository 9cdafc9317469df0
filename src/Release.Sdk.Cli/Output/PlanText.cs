using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.Output;

/// <summary>A dry run's plan for people: version, notes, diffs, commit, tag, pushes, hooks.</summary>
internal static class PlanText
{
    public static void Write(TextWriter output, ReleasePlan plan)
    {
        output.WriteLine($"Release.Sdk: dry run: would release {plan.Version} (tag {plan.Tag}) on {plan.Branch}{(plan.PreviousTag is null ? ", the first release" : $", after {plan.PreviousTag}")}.");
        output.WriteLine();
        output.WriteLine("Notes:");
        output.WriteLine(plan.Notes.TrimEnd());
        output.WriteLine();
        output.WriteLine(plan.Files.Count == 0 ? "Files: none changed." : "Files:");
        foreach (var file in plan.Files) output.Write(file.Diff);
        output.WriteLine();
        output.WriteLine(plan.CommitMessage is null ? "Commit: none (tag-only mode, the tag goes on HEAD)." : "Commit:");
        if (plan.CommitMessage is not null) output.WriteLine(plan.CommitMessage.TrimEnd());
        output.WriteLine($"Tag: {plan.Tag} (annotated)");
        if (plan.Pushes.Count == 0) output.WriteLine("Push: none (--no-push).");
        foreach (var push in plan.Pushes) output.WriteLine($"Push: {push.Remote} {string.Join(" ", push.Refspecs)} (atomic)");
        foreach (var hook in plan.Hooks) output.WriteLine($"Hook {ReleaseErrors.HookName(hook.Step)}: {hook.CommandLine}");
    }
}
