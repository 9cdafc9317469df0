namespace Release.Sdk.Notify.Configuration;

/// <summary>What each kind cannot work without; checked when the configuration is read, so a release stops before anything is written.</summary>
internal static class NotifierValidation
{
    public static void Validate(NotifierOptions o, string origin)
    {
        switch (o.Kind)
        {
            case NotifierKind.Slack:
                if (o.TokenVariable is null && !HasUrl(o))
                    throw Error(o, origin, "Slack needs Url/UrlVariable (an incoming webhook) or TokenVariable (a bot token for chat.postMessage).");
                if (o.TokenVariable is not null && o.Channel is null && o.Channels.Count == 0)
                    throw Error(o, origin, "chat.postMessage needs a channel: set Channel and/or per-environment channels (ProductionChannel=\"#production-releases\").");
                break;
            case NotifierKind.Teams:
            case NotifierKind.Webhook:
                if (!HasUrl(o)) throw Error(o, origin, "set Url, or UrlVariable naming the environment variable that holds the webhook address.");
                break;
            case NotifierKind.Email:
                if (o.Host is null || o.From is null || o.To.Count == 0)
                    throw Error(o, origin, "email needs Host (the SMTP server), From and To (addresses separated by ';').");
                if (o.UsernameVariable is null != (o.PasswordVariable is null))
                    throw Error(o, origin, "set both UsernameVariable and PasswordVariable for SMTP authentication, or neither.");
                break;
            case NotifierKind.PagerDuty:
                if (o.TokenVariable is null) throw Error(o, origin, "set RoutingKeyVariable (or TokenVariable): the NAME of the environment variable holding the Events v2 integration key.");
                break;
            case NotifierKind.Statuspage:
                if (o.TokenVariable is null || o.PageId is null)
                    throw Error(o, origin, "Statuspage needs PageId and ApiKeyVariable (or TokenVariable): the NAME of the environment variable holding the API key.");
                break;
        }
    }

    private static bool HasUrl(NotifierOptions o) => o.Url is not null || o.UrlVariable is not null;

    private static Engine.Diagnostics.ReleaseException Error(NotifierOptions o, string origin, string problem) => NotifyErrors.InvalidEntry(origin, o.Name, problem);
}
