using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// Reads <c>git push --porcelain</c>: one <c>flag TAB from:to TAB summary</c> line per ref. A push the remote looked at
/// has ref lines; one that never got that far (unreachable, authentication) has none — that is not a rejection.
/// </summary>
internal static class PushPorcelain
{
    // "(atomic push failed)" when git refused on the client, "(atomic push failure)" when the remote did.
    private const string AtomicFollowUp = "(atomic push fail";

    /// <returns>The push's outcome, or null when git reported no ref at all (a transport failure).</returns>
    public static PushResult? Read(int exitCode, string standardOutput, string standardError)
    {
        var refs = standardOutput.Split('\n')
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Where(parts => parts.Length == 3 && parts[0].Length == 1 && " +-*!=".Contains(parts[0][0]))
            .Select(parts => (Flag: parts[0][0], Ref: RefName(parts[1]), Summary: parts[2].Trim()))
            .ToList();
        if (refs.Count == 0) return null;

        var rejected = refs.Where(r => r.Flag == '!').ToList();
        if (rejected.Count == 0) return exitCode == 0 ? new PushResult(true) : null;

        // The ref that caused the rejection first; the ones --atomic refused along with it after.
        var reasons = rejected
            .OrderBy(r => r.Summary.Contains(AtomicFollowUp, StringComparison.Ordinal))
            .Select(r => $"{r.Ref}: {r.Summary}")
            .ToList();
        var remoteSays = standardError.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith("remote:", StringComparison.Ordinal))
            .Select(line => line["remote:".Length..].Trim())
            .Where(line => line.Length > 0)
            .ToList();
        var reason = string.Join("; ", reasons);
        if (remoteSays.Count > 0) reason += " — the remote said: " + string.Join(" ", remoteSays);
        return new PushResult(false, reason);
    }

    private static string RefName(string fromTo)
    {
        var colon = fromTo.LastIndexOf(':');
        return colon >= 0 ? fromTo[(colon + 1)..] : fromTo;
    }
}
