using System.Text.RegularExpressions;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.EfMigrations;

/// <summary>What dotnet-ef's output says: pending model changes or not, the tool missing, the provider refusing idempotent scripts.</summary>
internal static partial class EfToolOutput
{
    internal enum PendingState { InSync, Pending, Error }

    // dotnet-ef 8+ prints one of these two for has-pending-model-changes (exit 0 / non-zero).
    private const string InSyncText = "No changes have been made to the model since the last migration";
    private const string PendingText = "Changes have been made to the model since the last migration";

    [GeneratedRegex(@"INSERT INTO ""?__EFMigrationsHistory""?", RegexOptions.CultureInvariant)]
    private static partial Regex HistoryInsert();

    public static PendingState Pending(GateProcessResult run)
    {
        var output = Text(run);
        if (run.Succeeded && output.Contains(InSyncText, StringComparison.Ordinal)) return PendingState.InSync;
        if (!run.Succeeded && output.Contains(PendingText, StringComparison.Ordinal)) return PendingState.Pending;
        return PendingState.Error;
    }

    /// <summary>`dotnet tool run dotnet-ef` without the tool in a manifest (or not restored).</summary>
    public static bool ToolMissing(GateProcessResult run)
    {
        var output = Text(run);
        return run.StartFailure is not null ||
               output.Contains("Cannot find a manifest file", StringComparison.OrdinalIgnoreCase) ||
               output.Contains("dotnet-ef", StringComparison.Ordinal) && output.Contains("tool restore", StringComparison.OrdinalIgnoreCase) && !run.Succeeded ||
               output.Contains("Could not find a tool", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>SQLite (and some other providers) cannot write IF NOT EXISTS guards: EF refuses --idempotent.</summary>
    public static bool IdempotentUnsupported(GateProcessResult run) =>
        !run.Succeeded && Text(run).Contains("Generating idempotent scripts for migrations is not currently supported", StringComparison.Ordinal);

    /// <summary>Migrations in a script: each one records itself in __EFMigrationsHistory.</summary>
    public static int MigrationCount(string script) => HistoryInsert().Matches(script).Count;

    /// <summary>The last meaningful lines of a failed run (EF prints the exception message last), for the finding.</summary>
    public static string LastError(GateProcessResult run)
    {
        if (run.StartFailure is not null) return run.StartFailure;
        if (run.TimedOut) return "timed out";
        var lines = Text(run).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("at ", StringComparison.Ordinal) && l != "Build started..." && l != "Build succeeded.")
            .ToList();
        return lines.Count == 0 ? $"exit code {run.ExitCode}" : string.Join(" ", lines.TakeLast(2));
    }

    private static string Text(GateProcessResult run) => run.StandardOutput + "\n" + run.StandardError;
}
