using System.CommandLine;
using Release.Sdk.Cli.Deploy;
using Release.Sdk.Cli.Output;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Cli.Commands;

/// <summary>
/// <c>dotnet-release deploy run|status|promote|abort|rollback|retry|monitor|down</c>: drives a deploy plan out of the
/// MSBuild process and lets any other shell steer it through the journal in the state directory.
/// </summary>
internal static class DeployCommand
{
    private static readonly Option<string> StateDirectory = new("--state-dir")
    {
        Description = "The deploy's state directory (journal, lock, timeline, router and instance files).",
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.Combine("obj", "release-deploy"),
        Recursive = true,
    };

    private static readonly Option<string?> Log = new("--log")
    {
        Description = "Write progress and errors to this file instead of the console (a detached or child deploy process).",
        HelpName = "FILE",
        Hidden = true,
        Recursive = true,
    };

    public static Command Create(CliContext context)
    {
        var plan = new Option<string>("--plan") { Description = "The deploy plan (JSON) the ReleaseDeploy target wrote, or one written by hand.", HelpName = "FILE", Required = true };
        var detach = new Option<bool>("--detach") { Description = "Return once the deploy has started; it runs on in the background (ReleaseDeployWait=false)." };
        var run = new Command("run", "Run a deploy plan: start the new version, shift traffic step by step with analysis, roll back on failure.") { plan, detach };
        run.SetAction(parseResult => WithOperations(context, parseResult, (ops, files, ct) =>
        {
            var deployPlan = DeployPlanReader.ReadFile(parseResult.GetValue(plan)!);
            if (parseResult.GetValue(detach))
                return Task.FromResult(DetachedDeploy.Start(context, files, ["deploy", "run", "--plan", Path.GetFullPath(parseResult.GetValue(plan)!), "--state-dir", files.Directory]));
            return ops.RunAsync(deployPlan, ct);
        }));

        var json = new Option<bool>("--json") { Description = "Print the whole journal as JSON." };
        var status = new Command("status", "Show the deploy's step, weights, driving process and latest verdicts.") { json };
        status.SetAction(parseResult => WithOperations(context, parseResult, (_, files, _) =>
        {
            var journal = files.Read();
            DeployStatusText.Write(context.Out, files, journal, TimeProvider.System.GetUtcNow(), parseResult.GetValue(json));
            if (journal.Status == DeployStatus.Paused)
                DiagnosticWriter.WriteAll(context.Error, [new Diagnostic(DiagnosticCatalog.DeployPaused, $"The deploy of {journal.Plan.Version} is paused at '{journal.CurrentStep}': {journal.PauseReason}. Run 'dotnet-release deploy promote' to go on or 'deploy abort' to roll back.")]);
            return Task.FromResult(ExitCodes.Success);
        }));

        var promote = new Command("promote", "Let a paused deploy go on (after an inconclusive analysis or a manual step).");
        promote.SetAction(parseResult => WithOperations(context, parseResult, (ops, _, _) => Task.FromResult(ops.Promote())));

        var reason = new Option<string?>("--reason") { Description = "Why; recorded in the journal and the notification." };
        var abort = new Command("abort", "Roll the in-flight deploy back: traffic to the previous version first, then the new instances stopped.") { reason };
        abort.SetAction(parseResult => WithOperations(context, parseResult, (ops, _, ct) => ops.RollbackAsync(parseResult.GetValue(reason) ?? "aborted by the operator", ct)));
        var rollback = new Command("rollback", "Like abort; also rolls a completed deploy back to the previous version (restarted from its publish directory).") { reason };
        rollback.SetAction(parseResult => WithOperations(context, parseResult, (ops, _, ct) => ops.RollbackAsync(parseResult.GetValue(reason) ?? "rolled back by the operator", ct)));

        var retry = new Command("retry", "Resume a deploy whose process died, from its journal; or run a rolled-back deploy again.");
        retry.SetAction(parseResult => WithOperations(context, parseResult, (ops, _, ct) => ops.RetryAsync(ct)));

        var duration = new Option<string>("--for") { Description = "How long to watch, e.g. 1h or 30m.", HelpName = "DURATION", DefaultValueFactory = _ => "1h" };
        var monitor = new Command("monitor", "Post-release monitoring: apply the rollback-monitor rules to the live version; roll back or alert.") { duration };
        monitor.SetAction(parseResult => WithOperations(context, parseResult, (ops, _, ct) =>
        {
            var text = parseResult.GetValue(duration)!;
            if (!Durations.TryParse(text, out var span) || span <= TimeSpan.Zero)
                throw new ReleaseException(DiagnosticCatalog.InvalidDeploySetting, $"--for '{text}' is not a duration; write e.g. 1h, 30m or 90s.");
            return ops.MonitorAsync(span, ct);
        }));

        var downPlan = new Option<string?>("--plan") { Description = "The plan, when the state directory has no journal.", HelpName = "FILE" };
        var down = new Command("down", "Stop every instance and the router of the state directory.") { downPlan };
        down.SetAction(parseResult => WithOperations(context, parseResult, (ops, _, ct) =>
            ops.DownAsync(parseResult.GetValue(downPlan) is { } p ? DeployPlanReader.ReadFile(p) : null, ct)));

        return new Command("deploy", "Deploy the published app (canary, blue-green, rolling) with analysis and automatic rollback.")
        {
            StateDirectory, Log, run, status, promote, abort, rollback, retry, monitor, down,
        };
    }

    private static int WithOperations(CliContext context, ParseResult parseResult, Func<DeployOperations, JournalFiles, CancellationToken, Task<int>> body)
    {
        var logFile = parseResult.GetValue(Log);
        using var logWriter = logFile is null ? null : new StreamWriter(logFile, append: true) { AutoFlush = true };
        var effective = logWriter is null ? context : context with { Out = logWriter, Error = logWriter };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var files = new JournalFiles(parseResult.GetValue(StateDirectory)!);
        var operations = new DeployOperations(effective, files, new LocalDeployTargets(http), http);
        return ErrorBoundary.Run(effective, () => body(operations, files, CancellationToken.None).GetAwaiter().GetResult());
    }
}
