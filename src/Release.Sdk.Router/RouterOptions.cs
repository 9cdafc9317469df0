using System.Globalization;

namespace Release.Sdk.Router;

/// <summary>
/// The router's command line: <c>--state-dir DIR [--proxy-url http://127.0.0.1:0] [--admin-port 0] [--token-file FILE]
/// [--health-path /health] [--health-interval 1s] [--health-timeout 2s]</c>. The admin token comes from the file or, when
/// no file is given, from the RSDK_ROUTER_TOKEN environment variable; without a token the router refuses to start.
/// </summary>
internal sealed record RouterOptions(
    string StateDirectory,
    string ProxyUrl,
    int AdminPort,
    string Token,
    string HealthPath,
    TimeSpan HealthInterval,
    TimeSpan HealthTimeout)
{
    public const string TokenVariable = "RSDK_ROUTER_TOKEN";

    public static RouterOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Unexpected argument '{args[i]}': options are --name value pairs.");
            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;

        var stateDirectory = Get("state-dir", "");
        if (stateDirectory.Length == 0) throw new ArgumentException("--state-dir is required.");
        var token = values.TryGetValue("token-file", out var tokenFile)
            ? File.ReadAllText(tokenFile).Trim()
            : environment(TokenVariable)?.Trim() ?? "";
        if (token.Length < 16)
            throw new ArgumentException($"An admin token of at least 16 characters is required (--token-file or {TokenVariable}).");

        return new RouterOptions(
            Path.GetFullPath(stateDirectory),
            Get("proxy-url", "http://127.0.0.1:0"),
            int.Parse(Get("admin-port", "0"), CultureInfo.InvariantCulture),
            token,
            Get("health-path", "/health"),
            ParseDuration(Get("health-interval", "1s")),
            ParseDuration(Get("health-timeout", "2s")));
    }

    /// <summary>"250ms", "1s", "2m" or a TimeSpan ("00:00:01").</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (text.EndsWith("ms", StringComparison.Ordinal))
            return TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture));
        if (text.EndsWith('s')) return TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture));
        if (text.EndsWith('m')) return TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture));
        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }
}
