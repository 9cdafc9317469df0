using System.Globalization;
using System.Text.RegularExpressions;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Command;

/// <summary>Reads a figure from a command's output with <see cref="Pattern"/> and holds it against <see cref="Threshold"/>.</summary>
internal sealed record FigureRule(Regex? Pattern, string Name, string Unit, double? Threshold, bool AtMost);

/// <summary>The verdict on a finished command: pure, so every branch is unit-tested without processes.</summary>
internal sealed record CommandOutcome(GateStatus Status, string Summary, IReadOnlyList<GateFigure> Figures, IReadOnlyList<GateFinding> Findings, string? Remedy)
{
    public static CommandOutcome Evaluate(string command, GateProcessResult run, FigureRule figure, int tailLines)
    {
        var output = run.StandardOutput + run.StandardError;
        if (run.StartFailure is not null)
        {
            return Failed($"could not run: {run.StartFailure}", [], [new GateFinding("start", run.StartFailure)],
                "Install the tool the command needs (or fix the command) so it can run here and in CI.");
        }
        if (run.TimedOut)
        {
            return Failed("timed out; the command was stopped", [], [new GateFinding("timeout", Tail(output, tailLines))],
                "Make the command finish sooner, or raise the gate's Timeout metadata.");
        }

        var figures = new List<GateFigure>();
        var findings = new List<GateFinding>();
        string? figureProblem = null;
        if (figure.Pattern is not null)
        {
            var value = ReadFigure(figure.Pattern, output);
            if (value is null)
            {
                figureProblem = $"the output has no {figure.Name} (FigurePattern matched nothing)";
            }
            else
            {
                figures.Add(new GateFigure(figure.Name, value.Value, figure.Unit, figure.Threshold));
                if (figure.Threshold is { } limit && (figure.AtMost ? value > limit : value < limit))
                    figureProblem = $"{figure.Name} {Format(value.Value, figure.Unit)} is {(figure.AtMost ? "above" : "below")} {Format(limit, figure.Unit)}";
            }
        }

        var figureText = figures.Count == 0 ? "" : ", " + string.Join(", ", figures.Select(Describe));
        if (run.ExitCode != 0)
        {
            findings.Add(new GateFinding("exit-code", Tail(output, tailLines)));
            return Failed($"`{command}` exited with {run.ExitCode}{figureText}", figures, findings,
                "Run the command locally, fix what it reports (see the gate's output.log), and release again.");
        }
        if (figureProblem is not null)
        {
            findings.Add(new GateFinding("figure", figureProblem));
            return Failed(figureProblem, figures, findings,
                figure.Pattern is not null && figures.Count == 0
                    ? "Make the command print the figure, or correct FigurePattern."
                    : $"Bring {figure.Name} back within its threshold, or change Threshold deliberately.");
        }
        return new CommandOutcome(GateStatus.Pass, $"exit code 0{figureText}", figures, findings, null);
    }

    private static CommandOutcome Failed(string summary, IReadOnlyList<GateFigure> figures, IReadOnlyList<GateFinding> findings, string remedy) =>
        new(GateStatus.Fail, summary, figures, findings, remedy);

    private static double? ReadFigure(Regex pattern, string output)
    {
        var match = pattern.Match(output);
        if (!match.Success) return null;
        var group = match.Groups["value"].Success ? match.Groups["value"] : match.Groups.Count > 1 ? match.Groups[1] : match.Groups[0];
        return double.TryParse(group.Value.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    internal static string Describe(GateFigure figure) => figure.Threshold is { } limit
        ? $"{figure.Name} {Format(figure.Value, figure.Unit)} (threshold {Format(limit, figure.Unit)})"
        : $"{figure.Name} {Format(figure.Value, figure.Unit)}";

    private static string Format(double value, string unit) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) + (unit is "%" ? "%" : unit.Length > 0 ? " " + unit : "");

    private static string Tail(string output, int lines)
    {
        var all = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines))).Trim();
    }
}
