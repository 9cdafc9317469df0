namespace Release.Sdk.Notify.Sending;

/// <summary>Replaces every known secret value (tokens, passwords, webhook addresses from variables) by "***" in text that may reach a log.</summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words; a real secret is never that short.
        if (secret is { Length: >= 4 } && !_secrets.Contains(secret, StringComparer.Ordinal))
        {
            _secrets.Add(secret);
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length)); // longest first: a token inside a URL is masked with the URL
            if (Uri.EscapeDataString(secret) is var escaped && escaped != secret) Add(escaped);
        }
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
