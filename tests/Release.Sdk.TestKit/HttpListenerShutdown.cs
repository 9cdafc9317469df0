using System.Net;

namespace Release.Sdk.TestKit;

/// <summary>How the test servers built on <see cref="HttpListener"/> shut down.</summary>
public static class HttpListenerShutdown
{
    /// <summary>
    /// Closes the listener once. On Linux, <c>Stop()</c> followed by <c>Close()</c> unregisters the
    /// port twice, and the second time binds it again before letting go; if another socket has
    /// taken the port in between (the test projects run side by side), that bind throws "Address
    /// already in use" (seen in CI; reproduced by taking the port between the two calls).
    /// <c>Close()</c> alone unregisters once and still fails a pending <c>GetContext</c>, which
    /// ends the serving loop.
    /// </summary>
    public static void Shutdown(this HttpListener listener) => listener.Close();
}
