using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Notify.Configuration;

internal static class NotifyErrors
{
    public static ReleaseException Invalid(string origin, string problem) =>
        new(DiagnosticCatalog.InvalidNotifier, $"{DiagnosticCatalog.InvalidNotifier.Title}: {origin} {problem}");

    public static ReleaseException InvalidEntry(string origin, string name, string problem) =>
        new(DiagnosticCatalog.InvalidNotifier, $"{DiagnosticCatalog.InvalidNotifier.Title}: {origin}, notifier '{name}': {problem}");
}
