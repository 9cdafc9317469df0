using System.Globalization;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// Hands a token to git through environment configuration (<c>GIT_CONFIG_COUNT</c>/<c>GIT_CONFIG_KEY_n</c>/
/// <c>GIT_CONFIG_VALUE_n</c>, git 2.31+): never on a command line (visible to every process) nor in a file in the
/// repository. Only for http(s) remotes; ssh and local remotes keep their own authentication.
/// </summary>
internal static class GitCredentialEnvironment
{
    public static Dictionary<string, string> For(string? remoteUrl, GitCredentials? credentials, Func<string, string?> inherited)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (credentials is null || credentials.Token.Length == 0 || remoteUrl is null || !RemoteUrls.IsHttp(remoteUrl)) return environment;

        // Keys scoped to the remote's URL: git applies the most specific URL match, so an unscoped http.extraHeader
        // would lose to one a CI checkout left in .git/config (actions/checkout writes http.https://github.com/.extraheader).
        // The empty value first clears such inherited headers; otherwise git sends two Authorization headers.
        var key = $"http.{RemoteUrls.WithoutCredentials(remoteUrl)}.extraHeader";
        var first = int.TryParse(inherited("GIT_CONFIG_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        Add(environment, first, key, "");
        Add(environment, first + 1, key, BasicAuthorization.Header(credentials));
        environment["GIT_CONFIG_COUNT"] = (first + 2).ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    private static void Add(Dictionary<string, string> environment, int index, string key, string value)
    {
        environment[$"GIT_CONFIG_KEY_{index}"] = key;
        environment[$"GIT_CONFIG_VALUE_{index}"] = value;
    }
}
