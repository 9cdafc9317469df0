using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class LodashTemplateTests
{
    private static readonly TemplateValues Values = new("main", null, null, "1.0.0", "v1.0.0", "minor", null, "## notes\n");

    [Theory]
    [InlineData("python scripts/update-version.py ${nextRelease.version}", "python scripts/update-version.py 1.0.0")]
    [InlineData("echo ${ nextRelease.gitTag } on ${branch.name}", "echo v1.0.0 on main")]
    [InlineData("echo <%= nextRelease.version %>", "echo 1.0.0")]
    [InlineData("from '${lastRelease.version}'", "from ''")]
    [InlineData("type=${nextRelease.type} channel=${nextRelease.channel}", "type=minor channel=")]
    [InlineData("no template $HOME", "no template $HOME")]
    public void SubstitutesTheContextLikeLodash(string template, string expected) =>
        Assert.Equal(expected, LodashTemplate.Render(template, Values, "prepareCmd"));

    [Theory]
    [InlineData("echo ${commits.length}")]
    [InlineData("echo ${nextRelease.version.toUpperCase()}")]
    [InlineData("<% if (x) { %>y<% } %>")]
    public void RefusesWhatItCannotEvaluate(string template)
    {
        var error = Assert.Throws<ReleaseException>(() => LodashTemplate.Render(template, Values, "prepareCmd"));

        Assert.Equal(DiagnosticCatalog.InvalidExecHook, error.Descriptor);
        Assert.StartsWith("prepareCmd: the template expression", error.Message);
    }

    [Fact]
    public void NotesAreSubstitutedVerbatim() =>
        Assert.Equal("chore(release): 1.0.0\n\n## notes\n", LodashTemplate.Render("chore(release): ${nextRelease.version}\n\n${nextRelease.notes}", Values, "message"));
}
