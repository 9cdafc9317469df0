using System.Net;
using System.Net.Sockets;

namespace Release.Sdk.Notify.Tests.Servers;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now (bound and released; good enough for tests that bind it at once).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
