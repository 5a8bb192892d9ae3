using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// Loopback ports nothing listens on, for in-process silos (replay, benchmarks, tests). A port is
/// never handed out twice by one process, even once its probe is closed, so silos started side by
/// side cannot be given the same one.
/// </summary>
public static class LoopbackPorts
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A loopback TCP port that was free when asked and that this process has not handed out before.</summary>
    public static int Free()
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
