using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Cli.Output;

/// <summary>Writes diagnostics in the compiler's shape, <c>warning RSDK2003: message (help link)</c>, so CI log parsers pick them up.</summary>
internal static class DiagnosticWriter
{
    public static void WriteAll(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            Write(error, diagnostic.Severity, diagnostic.Descriptor, diagnostic.Message);
    }

    public static void WriteError(TextWriter error, DiagnosticDescriptor descriptor, string message) =>
        Write(error, Severity.Error, descriptor, message);

    private static void Write(TextWriter error, Severity severity, DiagnosticDescriptor descriptor, string message)
    {
        var label = severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        error.WriteLine($"{label} {descriptor.Code}: {message} ({descriptor.HelpLink})");
    }
}
