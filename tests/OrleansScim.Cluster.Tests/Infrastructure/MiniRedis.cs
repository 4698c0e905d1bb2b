using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// Just enough of the Redis protocol (RESP) to read one hash, so the tests can look at the membership
/// table without another client library.
/// </summary>
internal static class MiniRedis
{
    public static async Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(int port, string key)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var command = $"*2\r\n$7\r\nHGETALL\r\n${Encoding.UTF8.GetByteCount(key)}\r\n{key}\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = await reader.ReadLineAsync() ?? throw new IOException("Redis closed the connection.");
        if (!header.StartsWith('*'))
        {
            throw new IOException($"Unexpected Redis reply: {header}");
        }

        var count = int.Parse(header.AsSpan(1), CultureInfo.InvariantCulture);
        var items = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            // Bulk strings: "$<length>" then the value on its own line (membership rows are single-line JSON).
            _ = await reader.ReadLineAsync();
            items.Add(await reader.ReadLineAsync() ?? throw new IOException("Redis closed the connection."));
        }

        return Enumerable.Range(0, count / 2).ToDictionary(i => items[2 * i], i => items[(2 * i) + 1]);
    }
}
