using Release.Sdk.Gates.Docs;
using Release.Sdk.Gates.Framework;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Docs;

/// <summary>The docs gate running the real docfx (the repository's pinned dotnet tool) on samples/gates-docs.</summary>
public sealed class DocsGateTests(DocfxSample sample) : IClassFixture<DocfxSample>
{
    private Task<GateResult> Run(string site, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Config", Path.Combine(site, "docfx.json"));
        var context = new GateContext(sample.Root, sample.Root, all, TestEnvironment.CleanEnvironment(),
            Path.Combine(site, "gate-out"), null, new ProcessGateRunner(), _ => { });
        return new DocsGate("docs").RunAsync(context, default);
    }

    [Fact]
    public async Task The_sample_site_builds_and_passes()
    {
        var site = sample.CopySite("good");

        var result = await Run(site);

        Assert.True(result.Status == GateStatus.Pass, result.Summary + "\n" + File.ReadAllText(Path.Combine(site, "gate-out", "docfx.log")));
        Assert.Equal("docs built, 0 warning(s), 0 error(s)", result.Summary);
        Assert.Equal([("warnings", 0.0), ("errors", 0.0)], result.Figures.Select(f => (f.Name, f.Value)));
        Assert.True(File.Exists(Path.Combine(site, "gate-out", "site", "articles", "intro.html")), "docfx wrote no site");
    }

    [Fact]
    public async Task A_broken_cross_reference_fails_with_warnings_as_errors_naming_file_and_rule()
    {
        var site = sample.CopySite("broken-xref");
        File.AppendAllText(Path.Combine(site, "articles", "intro.md"), "\nSee <xref:Gates.Sample.Removed> and [the old page](moved.md).\n");

        var result = await Run(site);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("docs build failed: 2 warning(s), 0 error(s) (warnings are errors)", result.Summary);
        Assert.Contains(result.Findings, f => f.Rule == "InvalidFileLink" && f.File!.EndsWith("intro.md", StringComparison.Ordinal) && f.Line is not null);
        Assert.Contains(result.Findings, f => f.Rule == "UidNotFound" && f.Message.Contains("Gates.Sample.Removed", StringComparison.Ordinal));
        Assert.Contains("docfx reports", result.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_warnings_as_errors_the_same_broken_reference_only_warns()
    {
        var site = sample.CopySite("broken-xref-lenient");
        File.AppendAllText(Path.Combine(site, "articles", "intro.md"), "\nSee <xref:Gates.Sample.Removed>.\n");

        var result = await Run(site, ("WarningsAsErrors", "false"));

        Assert.Equal(GateStatus.Warn, result.Status);
        Assert.Equal("docs built with 1 warning(s), 0 error(s)", result.Summary);
    }

    [Fact]
    public async Task A_broken_docfx_json_fails_with_docfx_error()
    {
        var site = sample.CopySite("broken-config");
        File.WriteAllText(Path.Combine(site, "docfx.json"), "{ \"build\": { \"content\": [ ");

        var result = await Run(site);

        Assert.Equal(GateStatus.Fail, result.Status);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("FatalError", "error"), (finding.Rule, finding.Severity));
        Assert.Contains("JsonException", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_docfx_json_fails_before_running_docfx()
    {
        var result = await Run(sample.Root, ("Config", "nowhere/docfx.json"));

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("could not run: nowhere/docfx.json does not exist", result.Summary);
    }
}
