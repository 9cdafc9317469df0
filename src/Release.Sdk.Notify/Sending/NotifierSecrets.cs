namespace Release.Sdk.Notify.Sending;

/// <summary>Reads secrets at send time from the environment variables the configuration names (a missing one fails that notifier only, RSDK6503).</summary>
internal sealed class NotifierSecrets(IReadOnlyDictionary<string, string?> environment)
{
    public string Required(string notifier, string variable, string what) =>
        environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw NotifierException.SecretMissing(notifier, variable, what);

    public string? Optional(string? variable) =>
        variable is not null && environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>The notifier's endpoint: its Url, or the value of its UrlVariable.</summary>
    public string Endpoint(string notifier, string? url, string? urlVariable) =>
        url ?? Required(notifier, urlVariable!, "webhook address");
}
