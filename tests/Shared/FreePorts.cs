using System.Net;
using System.Net.Sockets;

namespace OrleansScim.Testing;

/// <summary>
/// Loopback ports nobody listens on right now (the OS picks them for a listener on port 0), never the
/// same one twice in this test run: every silo, test host and test server gets its own ports.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
