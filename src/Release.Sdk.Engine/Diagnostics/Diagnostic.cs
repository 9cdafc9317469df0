namespace Release.Sdk.Engine.Diagnostics;

/// <summary>A non-fatal finding produced by the engine (warnings and informational messages travel as values, not exceptions).</summary>
internal sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Message)
{
    public string Code => Descriptor.Code;

    public Severity Severity => Descriptor.Severity;
}
