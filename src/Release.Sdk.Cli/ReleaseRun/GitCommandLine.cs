using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>Ancestry and the undo of a release commit through the git CLI (local operations, no network).</summary>
internal sealed class GitCommandLine(string workingDirectory) : ICommitAncestry, IWorkTreeReset
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public bool IsAncestor(string ancestorSha, string descendantSha)
    {
        var result = Git("merge-base", "--is-ancestor", ancestorSha, descendantSha);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw Failed("tell whether the remote branch tip is part of HEAD's history", result),
        };
    }

    public void ResetHard(string sha)
    {
        var result = Git("reset", "--hard", "--quiet", sha);
        if (!result.Succeeded) throw Failed($"reset the work tree to {sha}", result);
    }

    private HookResult Git(params string[] arguments) => BoundedProcess.Run("git", arguments, workingDirectory, null, Timeout);

    private static ReleaseException Failed(string what, HookResult result) => new(
        DiagnosticCatalog.LocalWriteFailed,
        $"git could not {what} (exit code {result.ExitCode}): {result.StandardError.Trim()}");
}
