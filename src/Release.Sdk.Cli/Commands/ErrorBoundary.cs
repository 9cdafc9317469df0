using Release.Sdk.Cli.Output;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Cli.Commands;

/// <summary>The release commands' last line of defence: coded errors keep their code, anything else is RSDK0002.</summary>
internal static class ErrorBoundary
{
    public static int Run(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ReleaseException e)
        {
            DiagnosticWriter.WriteError(context.Error, e.Descriptor, e.Message);
            return ExitCodes.Error;
        }
#pragma warning disable CA1031 // any other exception is a bug, reported with a code, never a bare stack dump
        catch (Exception e)
#pragma warning restore CA1031
        {
            DiagnosticWriter.WriteError(context.Error, DiagnosticCatalog.InternalError, $"{DiagnosticCatalog.InternalError.Title}: {e.GetType().Name}: {e.Message}");
            context.Error.WriteLine(e.StackTrace);
            return ExitCodes.Error;
        }
    }
}
