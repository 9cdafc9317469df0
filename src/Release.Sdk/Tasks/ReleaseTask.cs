using Microsoft.Build.Framework;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Tasks;

/// <summary>
/// Shared plumbing of every Release.Sdk task: runs the task body, turns a <see cref="ReleaseException"/> into a coded
/// error with its help link and anything else into RSDK0002, so no exception ever escapes into MSBuild. In an IDE's
/// design-time build a failure becomes a low-importance message and the task's fallback outputs.
/// </summary>
public abstract class ReleaseTask : Microsoft.Build.Utilities.Task
{
    /// <summary>True in a design-time (IDE) build: never fail it.</summary>
    public bool DesignTime { get; set; }

    /// <summary>The project being built: diagnostics point at it rather than at our targets file.</summary>
    public string? ProjectFile { get; set; }

    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (ReleaseException e)
        {
            Fail(e.Descriptor, e.Message);
        }
        catch (Exception e)
        {
            Log.LogMessage(MessageImportance.Low, e.ToString());
            Fail(DiagnosticCatalog.InternalError,
                $"{DiagnosticCatalog.InternalError.Title} in {GetType().Name}: {e.GetType().FullName}: {e.Message}. Set ReleaseSkip=true to build without Release.Sdk, and please report this.");
        }
        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    /// <summary>Sets the outputs a design-time build falls back to when the task failed.</summary>
    protected abstract void ApplyDesignTimeFallback();

    /// <summary>Logs a coded diagnostic at its severity; <paramref name="quiet"/> turns it into a low-importance message.</summary>
    internal void Report(DiagnosticDescriptor descriptor, string message, bool quiet = false)
    {
        var file = string.IsNullOrEmpty(ProjectFile) ? null : ProjectFile;
        if (quiet)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: {1}", descriptor.Code, message);
            return;
        }
        switch (descriptor.Severity)
        {
            case Severity.Error:
                Log.LogError(null, descriptor.Code, null, descriptor.HelpLink, file, 0, 0, 0, 0, "{0}", message);
                break;
            case Severity.Warning:
                Log.LogWarning(null, descriptor.Code, null, descriptor.HelpLink, file, 0, 0, 0, 0, "{0}", message);
                break;
            default:
                Log.LogMessage(MessageImportance.Normal, "{0}: {1}", descriptor.Code, message);
                break;
        }
    }

    private void Fail(DiagnosticDescriptor descriptor, string message)
    {
        if (!DesignTime)
        {
            Report(descriptor.Severity == Severity.Error ? descriptor : descriptor with { Severity = Severity.Error }, message);
            return;
        }
        Log.LogMessage(MessageImportance.Low, "{0}: {1} (design-time build: not failing)", descriptor.Code, message);
        ApplyDesignTimeFallback();
    }
}
