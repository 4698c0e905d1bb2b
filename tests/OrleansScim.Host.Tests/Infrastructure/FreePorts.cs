using System.Net;
using System.Net.Sockets;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on: every test host gets its own silo and gateway ports.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
