using NuGet.Versioning;

namespace Release.Sdk.Tasks;

/// <summary>
/// The four-part versions .NET assemblies carry, derived from a SemVer version: AssemblyVersion is Major.0.0.0 (as
/// MinVer does: references and binding redirects only break on a major release), FileVersion Major.Minor.Patch.0.
/// </summary>
internal sealed record AssemblyVersions(string AssemblyVersion, string FileVersion)
{
    public static AssemblyVersions Of(string semanticVersion)
    {
        var v = SemanticVersion.Parse(semanticVersion);
        return new($"{v.Major}.0.0.0", $"{v.Major}.{v.Minor}.{v.Patch}.0");
    }
}
