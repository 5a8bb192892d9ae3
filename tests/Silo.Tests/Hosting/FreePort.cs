using System.Net;
using System.Net.Sockets;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>Loopback ports nothing is listening on, for silos and gateways under test.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
