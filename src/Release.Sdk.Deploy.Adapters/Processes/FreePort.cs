using System.Net;
using System.Net.Sockets;

namespace Release.Sdk.Deploy.Adapters.Processes;

/// <summary>A loopback port nobody listens on right now (the caller binds it soon after; a lost race shows as a failed start).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
