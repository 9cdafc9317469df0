using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Security;

/// <summary>
/// The security gate's rules (the seed failed on bandit's high and medium findings): findings at or above the fail
/// severity fail; lower ones warn; suppressed ones (#pragma, [SuppressMessage], .editorconfig none) are counted only.
/// </summary>
internal static class SecurityEvaluator
{
    public static GateOutcome Evaluate(IReadOnlyList<SecurityFinding> findings, FindingSeverity failAt)
    {
        var active = findings.Where(f => !f.Suppressed).OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
        var figures = new List<GateFigure>();
        foreach (var severity in Enum.GetValues<FindingSeverity>().Reverse())
        {
            figures.Add(new GateFigure($"{SeverityNames.Name(severity)} findings", active.Count(f => f.Severity == severity), "findings",
                severity >= failAt ? 0 : null));
        }
        figures.Add(new GateFigure("suppressed findings", findings.Count(f => f.Suppressed), "findings"));

        var gateFindings = active.Select(f => new GateFinding(f.Rule, f.Message, f.File, f.Line, SeverityNames.Name(f.Severity))).ToList();
        var blocking = active.Count(f => f.Severity >= failAt);
        var counts = string.Join(", ", active.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {SeverityNames.Name(g.Key)}"));
        if (blocking > 0)
        {
            var rules = string.Join(", ", active.Where(f => f.Severity >= failAt).Select(f => f.Rule).Distinct());
            return new GateOutcome(GateStatus.Fail, $"{blocking} security finding(s) at or above {SeverityNames.Name(failAt)} ({counts}): {rules}", figures, gateFindings,
                "Fix each finding (the rule's page, learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/<rule>, shows the safe pattern: parameterized SQL for CA2100/CA3001, SHA-256 for CA5351…); suppress a reviewed false positive with [SuppressMessage] and a justification.");
        }
        if (active.Count > 0)
        {
            return new GateOutcome(GateStatus.Warn, $"{active.Count} security finding(s) below {SeverityNames.Name(failAt)} ({counts})", figures, gateFindings,
                "Review the findings; they do not block the release at this gate's Severity setting.");
        }
        return new GateOutcome(GateStatus.Pass, "no security findings", figures, [], null);
    }
}
