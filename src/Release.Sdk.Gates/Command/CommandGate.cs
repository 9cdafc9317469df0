using System.Diagnostics;
using System.Globalization;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Command;

/// <summary>
/// A custom gate: runs the item's <c>Command</c> in the platform shell from the project folder (the
/// repository root for .releaserc.json gates; or <c>WorkingDirectory</c>); exit code 0 passes, anything else fails. Optionally a figure is read from the output with
/// <c>FigurePattern</c> (a regex whose group "value", or else its first group, is the number) and held against
/// <c>Threshold</c>: at least the threshold by default, at most it with <c>ThresholdIs=max</c>.
/// </summary>
internal sealed class CommandGate(string name) : IReleaseGate
{
    /// <summary>Output lines kept in a failure finding: the end of a tool's output usually says what went wrong.</summary>
    private const int TailLines = 15;

    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var command = context.Setting("Command") ?? throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
            $"Gate '{Name}' is a command gate without a command. Add Command=\"…\" to its ReleaseGate item, e.g. " +
            $"<ReleaseGate Include=\"{Name}\" Command=\"./scripts/check.sh\" />.");
        var pattern = context.Pattern(Name, "FigurePattern");
        var threshold = context.Number(Name, "Threshold");
        var atMost = ThresholdIsMax(context);
        var workingDirectory = context.Path("WorkingDirectory") ?? context.BaseDirectory();

        var (fileName, arguments) = ShellCommand.For(command);
        var run = await context.Processes.RunAsync(fileName, arguments, workingDirectory, context.Environment,
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await SaveLogAsync(context, command, run, cancellationToken).ConfigureAwait(false);

        var figure = new FigureRule(pattern, context.Setting("FigureName") ?? Name, context.Setting("FigureUnit") ?? "", threshold, atMost);
        var outcome = CommandOutcome.Evaluate(command, run, figure, TailLines);
        // The item's own Remedy (what to do in this repository) beats the generic one.
        var remedy = outcome.Status == GateStatus.Pass ? null : context.Setting("Remedy") ?? outcome.Remedy;
        return new GateResult(Name, GateKinds.Command, outcome.Status, outcome.Summary, outcome.Figures, outcome.Findings,
            remedy, watch.Elapsed);
    }

    private bool ThresholdIsMax(GateContext context) => context.Setting("ThresholdIs")?.Trim().ToLowerInvariant() switch
    {
        null or "min" => false,
        "max" => true,
        var other => throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
            $"Gate '{Name}': ThresholdIs='{other}' must be 'min' (the figure must be at least Threshold) or 'max' (at most)."),
    };

    private static async Task SaveLogAsync(GateContext context, string command, GateProcessResult run, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(context.OutputDirectory);
        var log = string.Create(CultureInfo.InvariantCulture,
            $"$ {command}\nexit code: {run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}\n--- stdout ---\n{run.StandardOutput}--- stderr ---\n{run.StandardError}");
        await File.WriteAllTextAsync(Path.Combine(context.OutputDirectory, "output.log"), log, cancellationToken).ConfigureAwait(false);
    }
}
