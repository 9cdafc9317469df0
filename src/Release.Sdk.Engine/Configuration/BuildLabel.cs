using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Configuration;

internal static partial class BuildLabel
{
    [GeneratedRegex(@"^(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*$")]
    private static partial Regex PrereleaseIdentifiers();

    /// <summary>The label goes into a SemVer prerelease (<c>1.4.0-alpha.0.7</c>), so it must be valid there.</summary>
    public static string Validate(string label) => PrereleaseIdentifiers().IsMatch(label)
        ? label
        : throw new ReleaseException(DiagnosticCatalog.InvalidProperty,
            $"ReleaseBuildLabel '{label}' is not a valid SemVer prerelease label (dot-separated identifiers of [0-9A-Za-z-], no leading zeros); set it to e.g. 'alpha' or 'ci'.");
}
