using System.Collections.Concurrent;
using Microsoft.AspNetCore.Routing.Patterns;
using OrleansScim.Host.Auth;

namespace OrleansScim.Host.Telemetry;

/// <summary>
/// Per request: the tenant id in a logging scope (so every line a request logs says whose it was; ASP.NET
/// Core's own scope already carries the request id), and, once answered, <see cref="ScimMetrics.Request"/>
/// with the resource type and operation read from the matched route, never from the path a client sent.
/// </summary>
internal static class RequestTelemetry
{
    private static readonly ConcurrentDictionary<Endpoint, (string ResourceType, string Operation)> Operations = new();

    private static readonly Func<ILogger, string, IDisposable?> TenantScope = LoggerMessage.DefineScope<string>("Tenant {TenantId}");

    /// <summary>Outermost: counts every answer, error bodies and 429s included.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<ScimMetrics>();
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                var (resourceType, operation) = Of(context.GetEndpoint(), context.Request.Method);
                metrics.Request(resourceType, operation, context.Response.StatusCode);
            }
        });
    }

    /// <summary>After authentication: the tenant of the token (or of the admin URL) as a logging scope.</summary>
    public static IApplicationBuilder UseTenantLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansScim.Requests");
        return app.Use(async (context, next) =>
        {
            var tenant = context.User.FindFirst(ScimClaims.TenantId)?.Value ?? context.Request.RouteValues["tenantId"] as string;
            if (tenant is null)
            {
                await next(context);
                return;
            }

            using (TenantScope(logger, tenant))
            {
                await next(context);
            }
        });
    }

    /// <summary>
    /// Cached per endpoint where the endpoint answers one method only; endpoints for any method (<c>/Me</c>,
    /// the catch-all 404) are described per request, with a method outside the standard ones as "other", so
    /// neither the cache nor the metric's series grow with what clients send.
    /// </summary>
    private static (string ResourceType, string Operation) Of(Endpoint? endpoint, string method)
    {
        if (endpoint is null)
        {
            return ("none", "none");
        }

        if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [_])
        {
            return Operations.GetOrAdd(endpoint, static (e, m) => Describe(e as RouteEndpoint, m), method);
        }

        return Describe(endpoint as RouteEndpoint, StandardMethods.Contains(method) ? HttpMethods.GetCanonicalizedValue(method) : "OTHER");
    }

    private static readonly HashSet<string> StandardMethods = new(
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "Users"/"get" for GET …/scim/v2/Users/{id}, "admin"/"tokens" for the admin API, "health"/"ready":
    /// a handful of fixed values per route, so the metric's series stay few.
    /// </summary>
    internal static (string ResourceType, string Operation) Describe(RouteEndpoint? endpoint, string method)
    {
        var segments = endpoint?.RoutePattern.PathSegments
            .Select(s => s.Parts is [RoutePatternLiteralPart literal] ? literal.Content : "{}")
            .ToList() ?? [];
        var v2 = segments.IndexOf("v2");
        if (v2 >= 0)
        {
            var rest = segments.Skip(v2 + 1).ToList();
            var resourceType = rest is [var first, ..] && first != "{}" ? first : "unknown";
            var operation = (method, rest) switch
            {
                (_, [".search"]) or (_, [_, ".search"]) => "search",
                (_, ["Bulk"]) => "bulk",
                ("GET", [_]) => resourceType is "Users" or "Groups" ? "list" : "get",
                ("GET", [_, _]) => "get",
                ("POST", [_]) => "create",
                ("PUT", [_, _]) => "replace",
                ("PATCH", [_, _]) => "patch",
                ("DELETE", [_, _]) => "delete",
                _ => "other",
            };
            return (resourceType == ".search" ? "root" : resourceType, operation);
        }

        return segments switch
        {
            ["admin", ..] => ("admin", $"{method.ToLowerInvariant()} {segments.LastOrDefault(s => s != "{}")}"),
            ["health", var probe] => ("health", probe),
            _ => ("other", method.ToLowerInvariant()),
        };
    }
}
