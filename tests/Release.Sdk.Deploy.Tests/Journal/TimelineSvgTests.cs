using System.Xml.Linq;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Tests.Fakes;
using Release.Sdk.Deploy.Timeline;

namespace Release.Sdk.Deploy.Tests.Journal;

public sealed class TimelineSvgTests
{
    [Fact]
    public async Task RolledBackCanaryChartsItsStepsAndMarksTheFailure()
    {
        using var scenario = new Scenario();
        scenario.Metrics = FakeMetrics.Behaving(errorRate: g => g == "blue" ? 0.20 : 0.005, latency: _ => 0.020);
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));

        var svg = XDocument.Parse(TimelineSvg.Render(journal)); // well-formed XML
        var text = svg.ToString();
        Assert.Contains("✗", text, StringComparison.Ordinal);
        Assert.Contains("rolled back", text, StringComparison.Ordinal);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(journal.Timeline.Count, svg.Descendants(ns + "rect").Count(r => r.Element(ns + "title") is not null));
        Assert.Contains(journal.Timeline, p => p.Weight == 10 && p.ErrorRate > 0.1);
    }
}
