using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Sending;

/// <summary>Turns notifier results into log lines and warnings; shared by the release-run plugin and the deploy engine.</summary>
internal static class NotifierReport
{
    public static string Line(NotifierResult result, NotificationEvent notification) =>
        $"{notification.Kind.WireName()} {NotificationText.VersionText(notification)} ({notification.Environment}) → {result}";

    /// <summary>The coded warning of a failed result (RSDK6501/RSDK6503), or null for sent and skipped ones.</summary>
    public static Diagnostic? Warning(NotifierResult result, NotificationEvent notification, string unaffected)
    {
        if (result.Outcome != NotifierOutcome.Failed) return null;
        var descriptor = result.Descriptor ?? DiagnosticCatalog.NotifierFailed;
        return new Diagnostic(descriptor,
            $"The '{result.Name}' notifier ({result.Kind.ToString().ToLowerInvariant()}) did not send {notification.Kind.WireName()} for " +
            $"{NotificationText.VersionText(notification)} ({notification.Environment}): {result.Detail}. The {unaffected} is not affected; " +
            (descriptor == DiagnosticCatalog.NotifierSecretMissing
                ? "set the variable for the next run."
                : "check the notifier's address, credentials and the service's status (docs/notifications.md)."));
    }
}
