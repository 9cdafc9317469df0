using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Tests.Diagnostics;

public sealed class DiagnosticCatalogTests
{
    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReleaseSdk.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ReleaseSdk.sln not found above " + AppContext.BaseDirectory);
        }
    }

    [Fact]
    public void EveryCodeIsUniqueAndWellFormed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(new Regex(@"^RSDK\d{4}$"), c));
    }

    [Fact]
    public void EveryCodeHasADocsPageThatNamesIt()
    {
        var missing = new List<string>();
        foreach (var d in DiagnosticCatalog.All)
        {
            var page = Path.Combine(RepositoryRoot, "docs", "diagnostics", d.Code + ".md");
            if (!File.Exists(page) || !File.ReadAllText(page).Contains(d.Code, StringComparison.Ordinal)) missing.Add(d.Code);
        }
        Assert.True(missing.Count == 0, "Missing or incomplete docs/diagnostics pages: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryDocsPageBelongsToACode()
    {
        var known = DiagnosticCatalog.All.Select(d => d.Code).ToHashSet();
        var orphans = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "diagnostics"), "RSDK*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(code => !known.Contains(code!))
            .ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void HelpLinkPointsAtTheDocsPage()
    {
        Assert.All(DiagnosticCatalog.All, d => Assert.EndsWith($"docs/diagnostics/{d.Code}.md", d.HelpLink));
    }
}
