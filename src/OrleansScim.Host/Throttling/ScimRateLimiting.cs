using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OrleansScim.Grains.Throttling;
using OrleansScim.Host.Auth;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Throttling;

/// <summary>
/// The ASP.NET Core rate-limiting middleware with <see cref="ScimPartitionedRateLimiter"/>, partitioned three ways: admin and health endpoints are
/// never limited; an authenticated SCIM request spends its tenant's cluster-wide budget
/// (<see cref="TenantRateLimiter"/>); a request without a valid token is limited per client address,
/// so guessing tokens is slow and never touches a tenant's budget.
/// </summary>
public static class ScimRateLimiting
{
    public static IServiceCollection AddScimRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScimPartitionedRateLimiter>();
        services.AddRateLimiter(limiter => limiter.OnRejected = RejectAsync);
        services.AddOptions<RateLimiterOptions>().Configure<ScimPartitionedRateLimiter>((options, limiter) => options.GlobalLimiter = limiter);
        return services;
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
