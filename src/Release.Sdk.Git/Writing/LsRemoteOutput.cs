namespace Release.Sdk.Git.Writing;

/// <summary>Reads <c>git ls-remote</c> output (<c>sha TAB refname</c> lines; <c>refname^{}</c> is a peeled annotated tag).</summary>
internal static class LsRemoteOutput
{
    public static IReadOnlyDictionary<string, string> Parse(string standardOutput)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in standardOutput.Split('\n'))
        {
            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length == 2 && parts[0].Length >= 40 && parts[0].All(char.IsAsciiHexDigit)) refs[parts[1]] = parts[0];
        }
        return refs;
    }

    /// <summary>The commit (or other object) <paramref name="refName"/> finally points at: the peeled entry if there is one.</summary>
    public static string? Target(IReadOnlyDictionary<string, string> refs, string refName) =>
        refs.TryGetValue(refName + "^{}", out var peeled) ? peeled : refs.GetValueOrDefault(refName);
}
