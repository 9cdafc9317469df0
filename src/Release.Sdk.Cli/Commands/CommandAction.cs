using Release.Sdk.Cli.Output;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.Git;

namespace Release.Sdk.Cli.Commands;

/// <summary>
/// The one place a command calls the engine: runs the façade, prints its diagnostics, and turns failures into coded
/// errors on stderr (a ReleaseException keeps its code; anything else is a bug, reported as RSDK0002).
/// </summary>
internal static class CommandAction
{
    public static int Compute(CliContext context, ComputationRequest request, Action<VersionDecision> print) =>
        Run(context, () => VersionComputation.Compute(
            request.StartDirectory,
            request.Overrides,
            request.ExplicitConfigFile,
            context.Environment,
            request.DeepenShallowClone), print);

    /// <summary>The error boundary itself, separate from the façade call so tests can drive every outcome.</summary>
    public static int Run(CliContext context, Func<VersionDecision> compute, Action<VersionDecision> print)
    {
        try
        {
            var decision = compute();
            DiagnosticWriter.WriteAll(context.Error, decision.Diagnostics);
            print(decision);
            return ExitCodes.Success;
        }
        catch (ReleaseException e)
        {
            DiagnosticWriter.WriteError(context.Error, e.Descriptor, e.Message);
            return ExitCodes.Error;
        }
#pragma warning disable CA1031 // the CLI's last line of defence: any other exception is a bug, reported with a code, never a bare stack dump
        catch (Exception e)
#pragma warning restore CA1031
        {
            DiagnosticWriter.WriteError(context.Error, DiagnosticCatalog.InternalError, $"{DiagnosticCatalog.InternalError.Title}: {e.GetType().Name}: {e.Message}");
            context.Error.WriteLine(e.StackTrace);
            return ExitCodes.Error;
        }
    }
}
