using System.Text;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>The release run's coded failures; each message says what happened, what was undone and what to do.</summary>
internal static class ReleaseErrors
{
    private const int MaxOutputLines = 40;

    public static ReleaseException DirtyTree(IReadOnlyList<string> paths) => new(
        DiagnosticCatalog.DirtyWorkTree,
        $"The work tree has uncommitted changes, so a release commit could carry files nobody reviewed: {string.Join(", ", paths.Take(20))}" +
        (paths.Count > 20 ? $" and {paths.Count - 20} more" : "") +
        ". Commit or discard them (git stash -u), or add build outputs to .gitignore. A dry run (--dry-run) works on a dirty tree.");

    public static ReleaseException HookFailed(ReleaseStep step, string commandLine, HookResult result, string? secret, bool afterPush)
    {
        var message = new StringBuilder();
        var name = HookName(step);
        message.Append(result.TimedOut ? $"{name} timed out: {commandLine}" : $"{name} exited with code {result.ExitCode}: {commandLine}");
        var output = Tail(result.StandardOutput + (result.StandardError.Length > 0 && result.StandardOutput.Length > 0 ? "\n" : "") + result.StandardError);
        if (output.Length > 0) message.Append("\nIts output:\n").Append(output);
        message.Append($"\nFix the command (exec plugin's {name} in .releaserc.json, or the Release{char.ToUpperInvariant(name[0])}{name[1..]} property)");
        message.Append(afterPush
            ? "; the release itself was already tagged and pushed, so run the rest of this step by hand (a rerun sees the release as done)."
            : " and run the release again: the run's changes were undone and nothing was tagged or pushed.");
        return new ReleaseException(DiagnosticCatalog.HookFailed, Redact(message.ToString(), secret));
    }

    public static ReleaseException PushRejected(string remote, string tag, string? reason, bool commitUndone) => new(
        DiagnosticCatalog.PushRejected,
        $"{remote} rejected the push of the release ({reason ?? "no reason given"}). The local tag {tag} was deleted" +
        (commitUndone ? " and the local release commit undone" : "") +
        ", so the repository is as before the run. Usually the branch moved on the remote or is protected: pull and run the release again " +
        "(or let the next CI run do it); for a protected branch use tag-only mode (ReleaseTagOnly=true, --tag-only) or allow the release bot to push.");

    public static ReleaseException TagConflict(string tag, string where, string target, string expected) => new(
        DiagnosticCatalog.ReleaseTagConflict,
        $"The tag {tag} already exists {where} on commit {Short(target)}, not on {Short(expected)} which this run would release. " +
        "A release with this version was made from another commit. Delete the stray tag if it is a leftover (git tag -d / git push --delete origin " + tag + "), " +
        "or check the branch configuration and tag format (tagFormat, ReleaseTagPrefix).");

    public static ReleaseException InvalidHookOutput(ReleaseStep step, string output) => new(
        DiagnosticCatalog.InvalidExecHook,
        $"{HookName(step)} printed '{Tail(output)}', which is not a release type. It must print major, minor, patch or nothing (no release from this hook).");

    public static ReleaseException UnsupportedBump(string branch) => new(
        DiagnosticCatalog.InvalidExecHook,
        $"analyzeCommitsCmd asked for a bigger release than the commits do on '{branch}', which is a maintenance or prerelease branch; Release.Sdk supports that only on release branches. " +
        "Use releaseRules (ReleaseRule items) instead of analyzeCommitsCmd there.");

    public static ReleaseException NoRemote(string remote) => new(
        DiagnosticCatalog.PushRejected,
        $"The repository has no remote named '{remote}' to push the release to. Add it (git remote add {remote} URL), or release locally with --no-push.");

    public static string HookName(ReleaseStep step) => step switch
    {
        ReleaseStep.VerifyConditions => "verifyConditionsCmd",
        ReleaseStep.AnalyzeCommits => "analyzeCommitsCmd",
        ReleaseStep.VerifyRelease => "verifyReleaseCmd",
        ReleaseStep.GenerateNotes => "generateNotesCmd",
        ReleaseStep.Prepare => "prepareCmd",
        ReleaseStep.Publish => "publishCmd",
        ReleaseStep.Success => "successCmd",
        _ => "failCmd",
    };

    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    public static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static string Tail(string output)
    {
        var lines = output.TrimEnd().Split('\n');
        return lines.Length <= MaxOutputLines ? string.Join('\n', lines) : "…\n" + string.Join('\n', lines[^MaxOutputLines..]);
    }
}
