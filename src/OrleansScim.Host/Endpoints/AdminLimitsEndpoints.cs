using OrleansScim.Grains.Tenants;
using OrleansScim.Grains.Throttling;
using OrleansScim.Host.Auth;

namespace OrleansScim.Host.Endpoints;

/// <summary><c>/admin/tenants/{id}/limits</c>: a tenant's request-rate limit (token bucket), cluster-wide.</summary>
public static class AdminLimitsEndpoints
{
    public static void MapAdminLimits(this IEndpointRouteBuilder app)
    {
        var limits = app.MapGroup("/admin/tenants/{tenantId}/limits").RequireAuthorization(ScimClaims.AdminPolicy);
        limits.MapGet("/", GetAsync);
        limits.MapPut("/", PutAsync);
        limits.MapDelete("/", DeleteAsync);
    }

    private static async Task<IResult> GetAsync(HttpContext context, IGrainFactory grains, string tenantId)
    {
        if (!await ExistsAsync(grains, tenantId, context.RequestAborted))
        {
            return NotFound(tenantId);
        }

        return Results.Ok(Describe(await grains.GetGrain<ITenantThrottleGrain>(tenantId).GetLimitAsync(context.RequestAborted)));
    }

    private static async Task<IResult> PutAsync(HttpContext context, IGrainFactory grains, string tenantId, LimitsRequest? body)
    {
        if (body is not { RequestsPerSecond: > 0 and <= 1_000_000, Burst: >= 1 and <= 10_000_000 })
        {
            return Results.Problem(statusCode: 400, title: "Invalid limits",
                detail: "Send {\"requestsPerSecond\": <0 < r <= 1000000>, \"burst\": <1 <= b <= 10000000>}.");
        }

        if (!await ExistsAsync(grains, tenantId, context.RequestAborted))
        {
            return NotFound(tenantId);
        }

        var limit = await grains.GetGrain<ITenantThrottleGrain>(tenantId)
            .SetLimitAsync(new RateLimit(body.RequestsPerSecond.Value, body.Burst.Value), context.RequestAborted);
        return Results.Ok(Describe(limit));
    }

    /// <summary>Returns the tenant to the service-wide default limit.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, IGrainFactory grains, string tenantId)
    {
        if (!await ExistsAsync(grains, tenantId, context.RequestAborted))
        {
            return NotFound(tenantId);
        }

        return Results.Ok(Describe(await grains.GetGrain<ITenantThrottleGrain>(tenantId).SetLimitAsync(null, context.RequestAborted)));
    }

    private static async Task<bool> ExistsAsync(IGrainFactory grains, string tenantId, CancellationToken cancellationToken) =>
        await grains.GetGrain<ITenantGrain>(tenantId).GetInfoAsync(cancellationToken) is not null;

    private static object Describe(TenantLimit limit) => new
    {
        requestsPerSecond = limit.Limit.RequestsPerSecond,
        burst = limit.Limit.Burst,
        source = limit.IsOverride ? "tenant" : "default",
    };

    private static IResult NotFound(string tenantId) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: $"Tenant '{tenantId}' does not exist.");
}

public sealed record LimitsRequest(double? RequestsPerSecond, int? Burst);
