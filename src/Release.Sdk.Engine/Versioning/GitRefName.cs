namespace Release.Sdk.Engine.Versioning;

/// <summary>The rules of <c>git check-ref-format</c> that semantic-release applies to tag and branch names.</summary>
internal static class GitRefName
{
    public static bool IsValidTagName(string name) => IsValid("refs/tags/" + name);

    public static bool IsValidBranchName(string name) => IsValid("refs/heads/" + name) && name != "@";

    private static bool IsValid(string refName)
    {
        if (refName.EndsWith('/') || refName.EndsWith('.') || refName.Contains("//") || refName.Contains("..") || refName.Contains("@{"))
            return false;
        foreach (var c in refName)
        {
            if (c < 0x20 || c == 0x7f || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\') return false;
        }
        return refName.Split('/').All(component => component.Length > 0 && !component.StartsWith('.') && !component.EndsWith(".lock", StringComparison.Ordinal));
    }
}
