using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// Section <c>ForwardedHeaders</c>: behind a reverse proxy or ingress, the client address (which failed
/// authentications are counted by) and scheme come from <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>,
/// but only when the connection comes from a configured proxy (<c>KnownProxies</c>, IP addresses) or
/// network (<c>KnownNetworks</c>, CIDR such as <c>10.0.0.0/8</c>); from anyone else the headers are
/// ignored, so a client cannot choose the address it is counted under. Nothing configured: no header is
/// trusted (the framework's ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts every sender; do not use it).
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var (proxies, networks, limit) = Read(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = limit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var (proxies, networks, _) = Read(configuration);
        return proxies.Count + networks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks, int Limit) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? [])
            .Select(text => IPAddress.TryParse(text, out var address) ? address : throw Invalid("KnownProxies", text))
            .ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network) ? network : throw Invalid("KnownNetworks", text))
            .ToList();
        return (proxies, networks, section.GetValue<int?>("ForwardLimit") ?? 1);
    }

    private static InvalidOperationException Invalid(string key, string text) =>
        new($"{Section}:{key} holds '{text}', which is not an IP address{(key == "KnownNetworks" ? " range in CIDR notation (e.g. 10.0.0.0/8)" : "")}.");
}
