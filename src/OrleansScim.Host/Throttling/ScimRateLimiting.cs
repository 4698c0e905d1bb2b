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

    /// <summary>
    /// Retry-After in whole seconds: the wait until the bucket has a permit again, rounded up (so less than
    /// a second too long), at least 1 because the header cannot say "now".
    /// </summary>
    internal static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;

    /// <summary>429 with Retry-After (see <see cref="RetryAfterSeconds"/>) and a SCIM error body.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = RetryAfterSeconds(rejected.Lease);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var who = context.User.FindFirst(ScimClaims.TenantId)?.Value is { } tenantId ? $"tenant '{tenantId}'" : "this client address";
        await ScimHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, null, $"Too many requests for {who}; retry after {seconds} s.");
    }
}
