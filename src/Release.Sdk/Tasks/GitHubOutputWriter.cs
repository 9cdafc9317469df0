using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// Appends the version outputs to $GITHUB_OUTPUT once per build: every project of a solution computes the same
/// version, and GitHub Actions would otherwise see the same keys many times.
/// </summary>
internal static class GitHubOutputWriter
{
    /// <summary>Appends <paramref name="lines"/> unless this build (or a parallel node) already did; returns the failure, if any.</summary>
    public static Exception? AppendOnce(IBuildEngine4 engine, string path, IReadOnlyList<string> lines)
    {
        var registration = "Release.Sdk.GitHubOutput:" + path;
        if (engine.GetRegisteredTaskObject(registration, RegisteredTaskObjectLifetime.Build) is not null) return null;
        try
        {
            var block = string.Concat(lines.Select(l => l + "\n"));
            if (!File.Exists(path) || !File.ReadAllText(path).Contains(block, StringComparison.Ordinal))
                File.AppendAllText(path, block);
            engine.RegisterTaskObject(registration, path, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return e;
        }
    }
}
