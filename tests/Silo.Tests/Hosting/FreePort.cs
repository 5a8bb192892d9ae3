using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// Loopback ports nothing is listening on, for silos and gateways under test. Tests run in
/// parallel, so a port is never handed out twice in one test run, even once its probe is closed.
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
