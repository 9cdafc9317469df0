using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// The release run's network operations through the git CLI (so credential helpers, ssh config and proxies behave as
/// the user expects): bounded in time, never interactive, the token only in the child's environment, and every piece
/// of git output redacted before it is quoted.
/// </summary>
internal sealed class GitRemoteCommands(GitProcess git, Func<string, string?> inheritedEnvironment, bool sshIsConfigured)
{
    /// <summary>The remote's refs matching <paramref name="patterns"/>, e.g. <c>refs/heads/main</c>.</summary>
    /// <exception cref="ReleaseException">RSDK2006 when the remote cannot be asked.</exception>
    public IReadOnlyDictionary<string, string> ListRefs(RemoteTarget remote, IReadOnlyList<string> patterns, GitCredentials? credentials)
    {
        var result = Run(["ls-remote", remote.Name, .. patterns], remote.FetchUrl, credentials, out var redactor);
        if (!result.Succeeded) throw FetchFailed(remote, $"git ls-remote {patterns[0]}", result, redactor);
        return LsRemoteOutput.Parse(result.StandardOutput);
    }

    /// <summary>Fetches <paramref name="sourceRef"/> into <paramref name="destinationRef"/> only: no local branch, remote-tracking ref or tag changes.</summary>
    /// <exception cref="ReleaseException">RSDK2006 when the fetch fails.</exception>
    public void Fetch(RemoteTarget remote, string sourceRef, string destinationRef, GitCredentials? credentials)
    {
        // --refmap= stops git from also updating refs/remotes/<remote>/* from the configured fetch refspecs.
        string[] arguments = ["fetch", "--quiet", "--no-tags", "--refmap=", "--no-write-fetch-head", "--no-recurse-submodules",
            "--no-auto-gc", remote.Name, $"+{sourceRef}:{destinationRef}"];
        var result = Run(arguments, remote.FetchUrl, credentials, out var redactor);
        if (!result.Succeeded) throw FetchFailed(remote, $"git fetch {sourceRef}", result, redactor);
    }

    /// <exception cref="ReleaseException">RSDK2005 when the push did not reach a decision of the remote.</exception>
    public PushResult Push(RemoteTarget remote, IReadOnlyList<string> refspecs, GitCredentials? credentials)
    {
        string[] arguments = ["push", "--atomic", "--porcelain", "--no-follow-tags", "--recurse-submodules=no", remote.Name, .. refspecs];
        var result = Run(arguments, remote.PushUrl, credentials, out var redactor);
        var outcome = result.Failure is null
            ? PushPorcelain.Read(result.ExitCode, result.StandardOutput, result.StandardError)
            : null;
        if (outcome is null)
        {
            throw new ReleaseException(DiagnosticCatalog.PushFailed, redactor.Redact(
                $"Could not push {string.Join(", ", refspecs)} to the remote '{remote.Display}': {result.Explanation} " +
                "Nothing was pushed. Give the job a token with write access in GITHUB_TOKEN or GH_TOKEN (for an https remote), " +
                "check the remote URL and the network, or try the release with ReleaseDryRun=true."));
        }
        return outcome with { RejectionReason = outcome.RejectionReason is { } reason ? redactor.Redact(reason) : null };
    }

    private GitProcessResult Run(string[] arguments, string? url, GitCredentials? credentials, out SecretRedactor redactor)
    {
        redactor = new SecretRedactor(credentials);
        var environment = GitCredentialEnvironment.For(url, credentials, inheritedEnvironment);
        // ssh would ask for a passphrase or a host key confirmation on the terminal; batch mode fails instead.
        if (!sshIsConfigured) environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes";
        return git.Run(arguments, environment);
    }

    private static ReleaseException FetchFailed(RemoteTarget remote, string what, GitProcessResult result, SecretRedactor redactor) =>
        new(DiagnosticCatalog.FetchFailed, redactor.Redact(
            $"Could not read the remote '{remote.Display}' ({what}): {result.Explanation} " +
            "Give the job a token that can read the repository in GITHUB_TOKEN or GH_TOKEN (for an https remote), " +
            "check the remote URL and the network, or try the release with ReleaseDryRun=true."));
}
