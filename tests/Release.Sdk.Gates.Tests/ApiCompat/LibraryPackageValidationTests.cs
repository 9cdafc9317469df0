using Release.Sdk.Gates.ApiCompat;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.Analysis;

namespace Release.Sdk.Gates.Tests.ApiCompat;

/// <summary>
/// The real .NET SDK package validation on samples/analysis-gates/library: version 1.0.0 is packed once into a local feed
/// (the "previous release"); each test packs its own copy of the sample through the gate.
/// </summary>
[Trait("Category", "E2E")]
public sealed class LibraryPackageValidationTests(LibraryPackageValidationTests.PreviousRelease previous) : IClassFixture<LibraryPackageValidationTests.PreviousRelease>
{
    private static readonly GateRelease FeatRelease = new("1.1.0", "1.0.0", "v1.0.0", "minor");

    [Fact]
    public async Task An_unchanged_library_passes()
    {
        using var library = new SampleWorkspace("library");

        var result = await Run(library, FeatRelease);

        Assert.True(result.Status == GateStatus.Pass, AnalysisContexts.Describe(result));
        Assert.Contains(result.Figures, f => f.Name == "breaking API changes" && f.Value == 0);
    }

    [Fact]
    public async Task A_public_method_removed_in_a_feat_release_fails_as_a_breaking_change_without_a_breaking_commit()
    {
        using var library = new SampleWorkspace("library");
        library.Edit("Calculator.cs", "    public static int Subtract(int a, int b) => a - b;\n", "");

        var result = await Run(library, FeatRelease);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        Assert.StartsWith("breaking API change without a breaking-change commit", result.Summary, StringComparison.Ordinal);
        Assert.Contains("justify a minor release (1.1.0)", result.Summary, StringComparison.Ordinal);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("CP0002", finding.Rule);
        Assert.Contains("Sample.Calculator.Calculator.Subtract(int, int)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_missing_from_the_feed_fails_and_names_BaselineFeed()
    {
        using var library = new SampleWorkspace("library");

        var result = await Run(library, new GateRelease("9.1.0", "9.0.0", "v9.0.0", "minor"));

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        Assert.Contains("BaselineFeed", result.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_packs_nothing_is_no_pass()
    {
        using var library = new SampleWorkspace("library");
        library.Edit("Sample.Calculator.csproj", "<IsPackable>true</IsPackable>", "<IsPackable>false</IsPackable>");

        var result = await Run(library, FeatRelease);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        Assert.Contains("produced no package", result.Summary, StringComparison.Ordinal);
    }

    private Task<GateResult> Run(SampleWorkspace library, GateRelease release) =>
        new ApiCompatGate("apicompat").RunAsync(AnalysisContexts.Create(library.Root, library.Project,
            new Dictionary<string, string> { ["BaselineFeed"] = previous.Feed }, release, previous.Environment), default);

    /// <summary>Sample.Calculator 1.0.0 packed into a feed folder, with a private NuGet cache so no stale 1.0.0 is ever used.</summary>
    public sealed class PreviousRelease : IDisposable
    {
        private readonly SampleWorkspace workspace = new("library");

        public PreviousRelease()
        {
            Feed = Path.Combine(workspace.Root, "feed");
            Environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(workspace.Root, "nuget-packages") };
            workspace.Dotnet(Environment, "pack", workspace.Project, "-c", "Release", "-o", Feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        }

        public string Feed { get; }

        public IReadOnlyDictionary<string, string?> Environment { get; }

        public void Dispose() => workspace.Dispose();
    }
}
