using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

public sealed class UnifiedDiffTests
{
    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"line {i}\n"));

    [Fact]
    public void OneChangedLineShowsThreeLinesOfContext()
    {
        var old = Lines(1, 10);
        var @new = old.Replace("line 5\n", "line five\n", StringComparison.Ordinal);

        Assert.Equal(
            "--- a/VERSION\n+++ b/VERSION\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n",
            UnifiedDiff.Render("VERSION", old, @new));
    }

    [Fact]
    public void DistantChangesMakeSeparateHunksAndCloseOnesMerge()
    {
        var old = Lines(1, 30);
        var @new = old.Replace("line 2\n", "two\n", StringComparison.Ordinal)
            .Replace("line 9\n", "nine\n", StringComparison.Ordinal)
            .Replace("line 25\n", "twenty-five\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Render("f", old, @new);

        Assert.Equal(["@@ -1,12 +1,12 @@", "@@ -22,7 +22,7 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }

    [Fact]
    public void InsertedLinesAtTheTopOfAChangelog()
    {
        var old = "# Changelog\n\n## 1.0.0\n\n* a\n";
        var @new = "# Changelog\n\n## 1.1.0\n\n* b\n\n## 1.0.0\n\n* a\n";

        Assert.Equal(
            "--- a/CHANGELOG.md\n+++ b/CHANGELOG.md\n@@ -1,5 +1,9 @@\n # Changelog\n \n+## 1.1.0\n+\n+* b\n+\n ## 1.0.0\n \n * a\n",
            UnifiedDiff.Render("CHANGELOG.md", old, @new));
    }

    [Fact]
    public void NewFileIsDiffedAgainstDevNull()
    {
        Assert.Equal("--- /dev/null\n+++ b/CHANGELOG.md\n@@ -0,0 +1,2 @@\n+# Changelog\n+\n", UnifiedDiff.Render("CHANGELOG.md", null, "# Changelog\n\n"));
    }

    [Fact]
    public void MissingFinalNewlineIsMarked()
    {
        Assert.Equal(
            "--- a/VERSION\n+++ b/VERSION\n@@ -1 +1 @@\n-1.2.3\n\\ No newline at end of file\n+1.3.0\n\\ No newline at end of file\n",
            UnifiedDiff.Render("VERSION", "1.2.3", "1.3.0"));
    }

    [Fact]
    public void CrlfIsNotPrinted()
    {
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-a\n+b\n c\n", UnifiedDiff.Render("f", "a\r\nc\r\n", "b\r\nc\r\n"));
    }

    [Fact]
    public void EqualContentHasNoDiff()
    {
        Assert.Equal("", UnifiedDiff.Render("f", "a\n", "a\n"));
    }

    [Fact]
    public void StampedChartDiffShowsOnlyTheVersionLines()
    {
        var chart = "apiVersion: v2\nname: x\nversion: 0.1.0\nappVersion: 0.1.0\ndependencies:\n  - name: y\n    version: 1.0.0\n";
        var stamped = VersionStamper.Stamp(new VersionFileSpec("Chart.yaml"), chart, "0.2.0").NewContent;

        var diff = UnifiedDiff.Render("Chart.yaml", chart, stamped);

        var changed = diff.Split('\n').Where(l => l.Length > 0 && l[0] is '-' or '+' && !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal));
        Assert.Equal(["-version: 0.1.0", "-appVersion: 0.1.0", "+version: 0.2.0", "+appVersion: \"0.2.0\""], changed);
    }
}
