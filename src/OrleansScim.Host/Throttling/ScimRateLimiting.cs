using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Throttling;
using OrleansScim.Host.Auth;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Throttling;

/// <summary>
/// The ASP.NET Core rate-limiting middleware, partitioned three ways: admin and health endpoints are
/// never limited; an authenticated SCIM request spends its tenant's cluster-wide budget
/// (<see cref="TenantRateLimiter"/>); a request without a valid token is limited per client address,
/// so guessing tokens is slow and never touches a tenant's budget.
/// </summary>
public static class ScimRateLimiting
{
    public static IServiceCollection AddScimRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<ThrottlingOptions>>().CurrentValue;
        if (context.User.FindFirst(ScimClaims.TenantId)?.Value is { } tenantId)
        {
            return RateLimitPartition.Get("tenant:" + tenantId, _ => new TenantRateLimiter(
                services.GetRequiredService<IGrainFactory>().GetGrain<ITenantThrottleGrain>(tenantId),
                options,
                services.GetRequiredService<TimeProvider>()));
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter("anonymous:" + address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.UnauthenticatedBurst,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(options.UnauthenticatedRequestsPerSecond)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>429 with Retry-After (whole seconds, rounded up from the bucket's refill) and a SCIM error body.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var who = context.User.FindFirst(ScimClaims.TenantId)?.Value is { } tenantId ? $"tenant '{tenantId}'" : "this client address";
        await ScimHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, null, $"Too many requests for {who}; retry after {seconds} s.");
    }
}
