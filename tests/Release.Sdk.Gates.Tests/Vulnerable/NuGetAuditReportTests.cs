using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Tests.BuiltIn;
using Release.Sdk.Gates.Tooling;
using Release.Sdk.Gates.Vulnerable;

namespace Release.Sdk.Gates.Tests.Vulnerable;

public sealed class NuGetAuditReportTests
{
    [Fact]
    public void Recorded_output_names_package_version_severity_advisory_and_the_audit_source()
    {
        var report = NuGetAuditReport.Parse(Samples.Recorded("vulnerable.list-package.json"));

        var package = Assert.Single(report.Packages);
        Assert.Equal(("Newtonsoft.Json", "12.0.1", false, FindingSeverity.High), (package.Id, package.Version, package.Transitive, package.Severity));
        Assert.Equal("GHSA-5crp-9r3c-p9vr", package.Advisory);
        Assert.Equal(["http://127.0.0.1:5124/index.json"], report.Sources);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Transitive_packages_count_and_one_package_in_several_projects_is_one_finding()
    {
        const string json = """
            { "version": 1, "sources": [], "projects": [
              { "path": "/r/A/A.csproj", "frameworks": [ { "framework": "net10.0",
                  "transitivePackages": [ { "id": "System.Text.Json", "resolvedVersion": "8.0.0",
                    "vulnerabilities": [ { "severity": "Critical", "advisoryurl": "https://github.com/advisories/GHSA-1" } ] } ] } ] },
              { "path": "/r/B/B.csproj", "frameworks": [ { "framework": "net8.0",
                  "topLevelPackages": [ { "id": "System.Text.Json", "requestedVersion": "8.0.0", "resolvedVersion": "8.0.0",
                    "vulnerabilities": [ { "severity": "Critical", "advisoryurl": "https://github.com/advisories/GHSA-1" } ] } ] } ] },
              { "path": "/r/C/C.csproj" } ] }
            """;

        var package = Assert.Single(NuGetAuditReport.Parse(json).Packages);

        Assert.True(package.Transitive);
        Assert.Equal(FindingSeverity.Critical, package.Severity);
        Assert.Equal(["/r/A/A.csproj", "/r/B/B.csproj"], package.Projects);
    }

    [Fact]
    public void No_vulnerable_packages_is_an_empty_list()
    {
        Assert.Empty(NuGetAuditReport.Parse("""{ "version": 1, "projects": [ { "path": "/r/A.csproj", "frameworks": [] } ] }""").Packages);
    }

    [Fact]
    public void Plain_text_from_an_unreachable_audit_source_is_a_coded_error_quoting_it()
    {
        var error = Assert.Throws<ReleaseException>(() => NuGetAuditReport.Parse(
            "error: Unable to load the service index for source http://127.0.0.1:5199/index.json.\nerror:   Connection refused"));

        Assert.Equal("RSDK5020", error.Code);
        Assert.Contains("Unable to load the service index", error.Message, StringComparison.Ordinal);
        Assert.Contains("auditSources", error.Message, StringComparison.Ordinal);
    }
}
