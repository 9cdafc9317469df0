namespace Release.Sdk.Engine.Diagnostics;

internal static partial class DiagnosticCatalog
{
    // 6030-6039 — package pushes (dotnet nuget push) and the SBOM (CycloneDX)
    public static readonly DiagnosticDescriptor NuGetApiKeyMissing = new("RSDK6030", Severity.Error, "Pushing packages to an HTTP(S) NuGet source needs an API key in an environment variable");
    public static readonly DiagnosticDescriptor NuGetPackageMissing = new("RSDK6031", Severity.Error, "A package to push is missing or was built for another version");
    public static readonly DiagnosticDescriptor NuGetPushUnauthorized = new("RSDK6032", Severity.Error, "The NuGet source refused the API key");
    public static readonly DiagnosticDescriptor NuGetPushFailed = new("RSDK6033", Severity.Error, "Pushing a package failed: the NuGet source could not be reached or answered with an error");
    public static readonly DiagnosticDescriptor NuGetSettingInvalid = new("RSDK6034", Severity.Error, "A NuGet push setting is invalid");
    public static readonly DiagnosticDescriptor SbomToolMissing = new("RSDK6035", Severity.Error, "The CycloneDX tool that writes the SBOM is not installed");
    public static readonly DiagnosticDescriptor SbomFailed = new("RSDK6036", Severity.Error, "Generating the SBOM failed");
}
