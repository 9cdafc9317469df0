using System.Net;
using System.Net.Sockets;

namespace Release.Sdk.TestKit;

/// <summary>An <see cref="HttpListener"/> started on 127.0.0.1 by <see cref="LoopbackPorts.StartHttpListener"/>.</summary>
/// <param name="Url">The listener's prefix: <c>http://127.0.0.1:{Port}{path}</c>, ending in '/'.</param>
public readonly record struct LoopbackHttpListener(HttpListener Listener, int Port, string Url);

/// <summary>
/// Loopback ports for the test servers, in one place. Probing a port (bind 127.0.0.1:0, read the port, release it) and
/// binding it later is a race: the test projects run side by side (and test classes in parallel), so another socket can
/// take the port in between (seen in CI). So:
/// <list type="bullet">
/// <item>a server that can bind port 0 itself does (TcpListener, SmtpServer) and reads its port back: no race;</item>
/// <item>an in-process <see cref="HttpListener"/>, which has no port 0, starts through <see cref="StartHttpListener"/>,
/// which takes a fresh port when the probed one was taken;</item>
/// <item>a separate process (registry, Prometheus, smtp4dev…) is given <see cref="Free"/> ports; when restarting it is
/// cheap, it is started through <see cref="RetryOnTakenPortAsync{T}"/> and restarted on fresh ports when it reports one
/// taken (<see cref="SaysPortTaken"/>). Where restarting is not cheap (a whole deploy or publish), <see cref="Free"/> alone.</item>
/// </list>
/// Shut <see cref="HttpListener"/> servers down with <see cref="HttpListenerShutdown.Shutdown"/>.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>How many fresh ports a start tries before it gives up.</summary>
    public const int Attempts = 20;

    // Every port this process handed out: never handed out twice, so two servers of one test run are never given the
    // same port (two HttpListeners with different paths would even share it silently).
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nothing listens on right now (bound, then released), never returned before in this process. For a
    /// port handed to a separate process, or for an address where nobody answers ("server down"); racy by nature: see
    /// the class comment.
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port)) return port;
            }
        }
    }

    /// <summary>
    /// Starts an <see cref="HttpListener"/> on <c>http://127.0.0.1:{port}{path}</c> on a free port; when another socket
    /// took the port between the probe and <c>Start()</c>, tries again on a fresh port (up to <see cref="Attempts"/>).
    /// </summary>
    /// <param name="path">The prefix's path, starting and ending with '/'.</param>
    public static LoopbackHttpListener StartHttpListener(string path = "/")
    {
        if (!path.StartsWith('/') || !path.EndsWith('/')) throw new ArgumentException($"'{path}' must start and end with '/'", nameof(path));
        for (var attempt = 1; ; attempt++)
        {
            var port = Free();
            var url = $"http://127.0.0.1:{port}{path}";
            // A new listener each time: one whose Start() failed is disposed and cannot be started again.
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new LoopbackHttpListener(listener, port, url);
            }
            catch (HttpListenerException e) when (IsAddressInUse(e) && attempt < Attempts)
            {
                listener.Close();
            }
        }
    }

    /// <summary>
    /// Starts something that binds <see cref="Free"/> ports of its own choosing (a separate process): <paramref name="attempt"/>
    /// returns it started, or null when a port it was given turned out to be taken (after cleaning up what it started); then
    /// it runs again, up to <see cref="Attempts"/> times. Other failures are the attempt's to throw.
    /// </summary>
    public static async Task<T> RetryOnTakenPortAsync<T>(string what, Func<Task<T?>> attempt)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var i = 1; i <= Attempts; i++)
        {
            if (await attempt().ConfigureAwait(false) is { } started) return started;
        }
        throw new InvalidOperationException($"{what} found its loopback port taken {Attempts} times in a row");
    }

    /// <summary>Whether a server's output says it could not bind its port because something else holds it.</summary>
    public static bool SaysPortTaken(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase) // Linux and macOS, .NET and Go
        || output.Contains("only one usage of each socket address", StringComparison.OrdinalIgnoreCase); // Windows

    private static bool IsAddressInUse(HttpListenerException e) => e.ErrorCode is
        98 // EADDRINUSE, Linux (the managed listener reports the socket's errno)
        or 48 // EADDRINUSE, macOS
        or 400 // managed listener: another HttpListener of this process registered the same prefix
        or 32 or 183; // http.sys (Windows): ERROR_SHARING_VIOLATION (another socket holds the port), ERROR_ALREADY_EXISTS (prefix registered)
}
