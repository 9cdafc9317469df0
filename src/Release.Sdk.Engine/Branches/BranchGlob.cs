using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Branches;

/// <summary>
/// <see cref="Glob.IsMatch"/> for branch names, with the maintenance pattern of the default <c>branches</c>
/// (<c>+([0-9])?(.{+([0-9]),x}).x</c>) matched by hand: every build with the defaults asks it, and compiling its
/// regex costs a new build process milliseconds. A test compares the hand-written match with the glob's regex.
/// </summary>
internal static class BranchGlob
{
    public const string DefaultMaintenance = "+([0-9])?(.{+([0-9]),x}).x";

    public static bool IsMatch(string branchName, string pattern) =>
        pattern == DefaultMaintenance
            ? !string.IsNullOrEmpty(branchName) && (branchName == pattern || IsMaintenanceShape(branchName))
            : Glob.IsMatch(branchName, pattern);

    /// <summary>What picomatch compiles the pattern to, <c>^[0-9]+(?:\.(?:[0-9]+|x))?\.x$</c>: 1.x, 1.2.x, 1.x.x.</summary>
    internal static bool IsMaintenanceShape(string name)
    {
        var at = SkipDigits(name, 0);
        if (at == 0 || at == name.Length || name[at] != '.') return false;
        at++;
        if (at == name.Length - 1 && name[at] == 'x') return true;
        // The optional middle part, digits or one "x", then ".x" ends the name.
        var middleEnd = at < name.Length && name[at] == 'x' ? at + 1 : SkipDigits(name, at);
        return middleEnd > at && middleEnd == name.Length - 2 && name[middleEnd] == '.' && name[middleEnd + 1] == 'x';
    }

    private static int SkipDigits(string text, int at)
    {
        while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
        return at;
    }
}
