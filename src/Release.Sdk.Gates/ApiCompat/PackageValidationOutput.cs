using System.Text.RegularExpressions;

namespace Release.Sdk.Gates.ApiCompat;

/// <summary>
/// Reads the .NET SDK's package validation (ApiCompat) diagnostics from <c>dotnet pack</c> output, e.g.
/// <c>…ValidatePackage.targets(39,5): error CP0002: Member 'int Calc.Add(int, int)' exists on [Baseline] lib/net10.0/Calc.dll but not on lib/net10.0/Calc.dll [/src/Calc.csproj]</c>.
/// CPxxxx are API compatibility rules, PKVxxx package-level ones (a target framework dropped…): each one reported is
/// a break of the previous release's contract. MSBuild repeats errors in its summary; repeats are dropped.
/// </summary>
internal static partial class PackageValidationOutput
{
    [GeneratedRegex(@"\b(?:error|warning)\s+(?<code>CP\d{4}|PKV\d{3,4}):\s*(?<message>.*?)(?:\s+\[[^\]]+\])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"'(?<target>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex FirstQuoted();

    public static IReadOnlyList<ApiChange> Parse(string output)
    {
        var changes = new List<ApiChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success) continue;
            var code = match.Groups["code"].Value;
            var message = match.Groups["message"].Value.Trim();
            if (!seen.Add(code + "|" + message)) continue;
            var target = FirstQuoted().Match(message) is { Success: true } quoted ? quoted.Groups["target"].Value : code;
            changes.Add(new ApiChange(code, target, message, Breaking: true));
        }
        return changes;
    }

    /// <summary>NuGet could not find the baseline package (NU1101/NU1102/NU1103): the feed does not have the previous release.</summary>
    public static bool BaselineMissing(string output) =>
        output.Contains("NU1101", StringComparison.Ordinal) || output.Contains("NU1102", StringComparison.Ordinal) || output.Contains("NU1103", StringComparison.Ordinal);
}
