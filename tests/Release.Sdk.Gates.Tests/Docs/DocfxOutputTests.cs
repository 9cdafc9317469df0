using Release.Sdk.Gates.Docs;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Docs;

/// <summary>docfx's console output, as recorded from docfx 2.81.0.</summary>
public sealed class DocfxOutputTests
{
    private const string WarningsRun = """
        Searching built-in plugins in directory /root/.nuget/packages/docfx/2.81.0/tools/net10.0/any/...
        7 plug-in(s) loaded.
        Building 1 file(s) in ConceptualDocumentProcessor(BuildConceptualDocument=>ValidateConceptualDocumentMetadata)...
        /tmp/d/index.md(3,1): warning InvalidFileLink: Invalid file link:(~/missing.md).
        Applying templates to 2 model(s)...
        /tmp/d/index.md: warning UidNotFound: 1 invalid cross reference(s) "<xref:Foo.Bar>".
        /tmp/d/index.md: Details for invalid cross reference(s): "<xref:Foo.Bar>" in line 3
        XRef map exported.


        Build succeeded with warning.

            2 warning(s)
            0 error(s)

        """;

    [Fact]
    public void Warnings_with_a_failing_exit_code_fail_and_list_file_line_and_rule()
    {
        var (status, summary, figures, findings, _) = DocfxOutput.Evaluate(new GateProcessResult(255, WarningsRun, "", false, null), true, "docfx.json");

        Assert.Equal(GateStatus.Fail, status);
        Assert.Equal("docs build failed: 2 warning(s), 0 error(s) (warnings are errors)", summary);
        Assert.Equal([2.0, 0.0], figures.Select(f => f.Value));
        Assert.Equal(
            [("InvalidFileLink", "/tmp/d/index.md", (int?)3), ("UidNotFound", "/tmp/d/index.md", null)],
            findings.Select(f => (f.Rule, f.File!, f.Line)));
    }

    [Fact]
    public void The_same_output_with_exit_code_zero_is_a_warning() =>
        Assert.Equal(GateStatus.Warn, DocfxOutput.Evaluate(new GateProcessResult(0, WarningsRun, "", false, null), false, "docfx.json").Status);

    [Fact]
    public void A_tool_that_is_not_restored_says_to_run_dotnet_tool_restore()
    {
        const string output = "Run \"dotnet tool restore\" to make the \"docfx\" command available.\n";

        var (status, summary, _, _, remedy) = DocfxOutput.Evaluate(new GateProcessResult(1, "", output, false, null), true, "docfx.json");

        Assert.Equal((GateStatus.Fail, "could not run docfx: the tool is not restored"), (status, summary));
        Assert.Contains("dotnet tool restore", remedy, StringComparison.Ordinal);
    }
}
