using Release.Sdk.Gates.ApiCompat;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.Analysis;

namespace Release.Sdk.Gates.Tests.ApiCompat;

/// <summary>
/// samples/analysis-gates/webapi built for real: Microsoft.Extensions.ApiDescription.Server generates its OpenAPI document
/// at build and the gate diffs it with the previous releases' documents kept in the sample (previous-releases/): 1.1.0 is
/// the same API (pass), 1.0.0 still had DELETE /orders/{id}, an optional customer and Order.note (fail as a feat release).
/// </summary>
[Trait("Category", "E2E")]
public sealed class WebApiOpenApiTests(WebApiOpenApiTests.BuiltAgainstTheSameApi built) : IClassFixture<WebApiOpenApiTests.BuiltAgainstTheSameApi>
{
    [Fact]
    public void The_same_api_as_the_previous_release_passes()
    {
        Assert.True(built.Result.Status == GateStatus.Pass, AnalysisContexts.Describe(built.Result));
        Assert.True(File.Exists(built.GeneratedDocument), "the build should write the document into the gate's directory");
    }

    [Fact]
    public async Task Removed_operation_property_and_newly_required_parameter_fail_a_feat_release()
    {
        var context = AnalysisContexts.Create(built.Workspace.Root, built.Workspace.Project, new Dictionary<string, string>
        {
            ["Mode"] = "openapi",
            ["Current"] = built.GeneratedDocument,
            ["Baseline"] = "webapi/previous-releases/openapi-{PreviousVersion}.json",
        }, new GateRelease("1.1.0", "1.0.0", "v1.0.0", "minor"));

        var result = await new ApiCompatGate("apicompat").RunAsync(context, default);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        var rules = result.Findings.Select(f => f.Rule).ToList();
        Assert.Contains("openapi-operation-removed", rules);
        Assert.Contains("openapi-parameter-now-required", rules);
        Assert.Contains("openapi-response-property-removed", rules);
        Assert.Contains(result.Findings, f => f.Message == "DELETE /orders/{id}: the operation was removed");
    }

    public sealed class BuiltAgainstTheSameApi : IDisposable
    {
        public BuiltAgainstTheSameApi()
        {
            var context = AnalysisContexts.Create(Workspace.Root, Workspace.Project, new Dictionary<string, string>
            {
                ["Mode"] = "openapi",
                ["Baseline"] = "webapi/previous-releases/openapi-{PreviousVersion}.json",
            }, new GateRelease("1.2.0", "1.1.0", "v1.1.0", "minor"));
            Result = new ApiCompatGate("apicompat").RunAsync(context, default).GetAwaiter().GetResult();
            GeneratedDocument = Path.Combine(context.OutputDirectory, "openapi", "Sample.Orders.json");
        }

        internal SampleWorkspace Workspace { get; } = new("webapi");

        internal GateResult Result { get; }

        public string GeneratedDocument { get; }

        public void Dispose() => Workspace.Dispose();
    }
}
