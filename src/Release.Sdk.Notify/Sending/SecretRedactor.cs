namespace Release.Sdk.Notify.Sending;

/// <summary>Replaces every known secret value (tokens, passwords, webhook addresses from variables) by "***" in text that may reach a log.</summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words; a real secret is never that short.
        if (secret is not { Length: >= 4 }) return;
        // The URL-escaped form too: a secret can reach a message inside an escaped address (once: escaping again would grow forever).
        var forms = new List<string> { secret, Uri.EscapeDataString(secret) };
        // A webhook address (Slack, Teams) is secret by its path: services echo the path alone in errors.
        if (Uri.TryCreate(secret, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery.Length > 1) forms.Add(uri.PathAndQuery);
        foreach (var form in forms)
        {
            if (!_secrets.Contains(form, StringComparer.Ordinal)) _secrets.Add(form);
        }
        _secrets.Sort((a, b) => b.Length.CompareTo(a.Length)); // longest first: a token inside a URL is masked with the URL
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
