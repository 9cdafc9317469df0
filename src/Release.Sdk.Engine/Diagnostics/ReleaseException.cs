namespace Release.Sdk.Engine.Diagnostics;

/// <summary>
/// A coded, expected failure. Adapters (MSBuild tasks, the CLI) turn it into an error with the code and help link;
/// anything else that escapes is a bug reported as RSDK0002.
/// </summary>
internal sealed class ReleaseException(DiagnosticDescriptor descriptor, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    public string Code => Descriptor.Code;
}
