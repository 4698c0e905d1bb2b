using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// <c>Admin:Urls</c>: the admin API on a listener of its own. Kestrel takes its addresses from the
/// <c>urls</c> setting (<c>ASPNETCORE_URLS</c>, <c>--urls</c>) or <c>ASPNETCORE_HTTP_PORTS</c>; those
/// stay the main listener and the admin URLs are added to them. Which listener a request came in on is
/// told by the connection's local port, never by the Host header a client chooses.
/// </summary>
public sealed class AdminListener(IOptions<AdminOptions> options, IServer server)
{
    private const string DefaultUrls = "http://localhost:5000";

    private readonly HashSet<int> _ports = [.. options.Value.ListenerUrls().Select(PortOf)];

    public bool IsConfigured => _ports.Count > 0;

    public bool IsAdminPort(int port) => _ports.Contains(port);

    /// <summary>
    /// The origin SCIM clients use, for answers given on the admin listener (<c>scimBaseUrl</c>) when no
    /// <c>Scim:PublicBaseUrl</c> is configured: the main listener's first address, with the request's host
    /// name where it binds a wildcard. Null when the request came in on the main listener.
    /// </summary>
    public string? MainOrigin(HttpContext context)
    {
        if (!IsConfigured || !IsAdminPort(context.Connection.LocalPort))
        {
            return null;
        }

        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var binding = BindingAddress.Parse(address);
            if (!IsAdminPort(binding.Port))
            {
                var host = binding.Host is "*" or "+" or "0.0.0.0" or "[::]" ? context.Request.Host.Host : binding.Host;
                return $"{binding.Scheme}://{host}:{binding.Port}";
            }
        }

        return null;
    }

    /// <summary>Adds the admin listener's URLs to Kestrel's, keeping the main ones as configured.</summary>
    public static void AddAdminListener(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdminListener>();
        var admin = builder.Configuration.GetSection(AdminOptions.Section).Get<AdminOptions>()?.ListenerUrls() ?? [];
        if (admin.Count > 0)
        {
            builder.WebHost.UseUrls([.. MainUrls(builder.Configuration), .. admin]);
        }
    }

    /// <summary>
    /// With an admin listener: <c>/admin/*</c> and <c>/metrics</c> answer only on its port and everything else only off it
    /// (404 otherwise, as if the path did not exist there).
    /// </summary>
    public static void UseAdminListener(IApplicationBuilder app)
    {
        var listener = app.ApplicationServices.GetRequiredService<AdminListener>();
        if (!listener.IsConfigured)
        {
            return;
        }

        app.Use((context, next) =>
        {
            // The Prometheus endpoint goes with the admin API, so that a NetworkPolicy can open it to the
            // monitoring namespace without opening the SCIM port's neighbours to it, or the other way round.
            var adminPath = context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments(Telemetry.ScimTelemetry.MetricsPath, StringComparison.OrdinalIgnoreCase);
            if (listener.IsAdminPort(context.Connection.LocalPort) == adminPath)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>The main listener as ASP.NET Core itself would choose it: urls, else HTTP(S) ports, else its default.</summary>
    private static IEnumerable<string> MainUrls(ConfigurationManager configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return Split(urls);
        }

        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}"))
            .ToList();
        return ports.Count > 0 ? ports : [DefaultUrls];
    }

    private static int PortOf(string url) =>
        BindingAddress.Parse(url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)).Port;

    private static string[] Split(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
