using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Coverage;

/// <summary>Reads VSTest TRX files (one per test project with `--logger trx`) into test counts and failed tests.</summary>
internal static class TrxReports
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TestRunTotals Read(IEnumerable<(string Name, string Xml)> files)
    {
        int total = 0, passed = 0, failed = 0, skipped = 0, count = 0;
        var failures = new List<GateFinding>();
        foreach (var (name, xml) in files)
        {
            count++;
            XDocument document;
            try
            {
                document = XDocument.Parse(xml);
            }
            catch (XmlException e)
            {
                throw Unreadable(name, e.Message);
            }

            var counters = document.Descendants(Ns + "Counters").FirstOrDefault() ?? throw Unreadable(name, "it has no <Counters>");
            total += Count(counters, "total");
            passed += Count(counters, "passed");
            failed += Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
            skipped += Count(counters, "notExecuted");

            foreach (var result in document.Descendants(Ns + "UnitTestResult").Where(IsFailure))
            {
                var message = result.Descendants(Ns + "Message").FirstOrDefault()?.Value ?? "";
                var firstLine = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "failed";
                failures.Add(new GateFinding("failed-test", $"{result.Attribute("testName")?.Value}: {firstLine}", Severity: "error"));
            }
        }
        return new TestRunTotals(total, passed, failed, skipped, failures, count);
    }

    private static bool IsFailure(XElement result) =>
        result.Attribute("outcome")?.Value is "Failed" or "Error" or "Timeout" or "Aborted";

    private static int Count(XElement counters, string name) =>
        int.TryParse(counters.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static ReleaseException Unreadable(string name, string why) =>
        new(DiagnosticCatalog.GateReportUnreadable,
            $"The test results file {name} cannot be read ({why}). Rerun the gate; if it persists, run `dotnet test --logger trx` yourself and check the file.");
}
