using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no client address; a request carrying <see cref="Header"/> gets that
/// address as its connection's remote address (test infrastructure only, ahead of the product's
/// pipeline), so tests can act as different clients, e.g. one guessing tokens beside honest ones.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var parsed))
            {
                context.Connection.RemoteIpAddress = parsed;
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A fresh address for one test's client.</summary>
    public static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    public static void Set(HttpRequestMessage request, string address) => request.Headers.Add(Header, address);
}
