using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Throttling;
using OrleansScim.Host.Auth;

namespace OrleansScim.Host.Throttling;

/// <summary>
/// The global limiter the ASP.NET Core rate-limiting middleware asks. Hand-written instead of
/// <see cref="PartitionedRateLimiter.Create{TResource, TPartitionKey}"/> because that one takes a global
/// lock and allocates a partition description on every request; this one looks the tenant's limiter up
/// in a concurrent dictionary, so the fast path stays a dictionary read plus a local permit.
/// </summary>
public sealed class ScimPartitionedRateLimiter : PartitionedRateLimiter<HttpContext>
{
    private static readonly TimeSpan IdleLimiterLifetime = TimeSpan.FromMinutes(5);
    private static readonly RateLimitLease Unlimited = new UnlimitedLease();

    private readonly ConcurrentDictionary<string, TenantRateLimiter> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _anonymous = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly IOptionsMonitor<ThrottlingOptions> _options;
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public ScimPartitionedRateLimiter(IGrainFactory grains, IOptionsMonitor<ThrottlingOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _grains = grains;
        _options = options;
        _time = time;
        _sweeper = time.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        // Once the host stops, the silo holding the buckets goes away: returning leftover permits to it would
        // only fail (and be logged as errors), and the buckets refill anyway.
        lifetime.ApplicationStopping.Register(AbandonAll);
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => LimiterFor(resource)?.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        LimiterFor(resource) is { } limiter ? limiter.AttemptAcquire(permitCount) : Unlimited;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        LimiterFor(resource) is { } limiter ? limiter.AcquireAsync(permitCount, cancellationToken) : ValueTask.FromResult(Unlimited);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sweeper.Dispose();
            AbandonAll();

            foreach (var limiter in _anonymous.Values)
            {
                limiter.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Null for the admin API and health probes, which tenant limits never apply to, and for SCIM requests
    /// without a valid token: authentication already answers those (401, or 429 per client address once
    /// it failed too often, see <see cref="FailedAuthenticationLimiter"/>) before any lookup.
    /// </summary>
    private RateLimiter? LimiterFor(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/health"))
        {
            return null;
        }

        if (context.User.FindFirst(ScimClaims.TenantId)?.Value is { } tenantId)
        {
            return _tenants.TryGetValue(tenantId, out var known)
                ? known
                : _tenants.GetOrAdd(tenantId, id => new TenantRateLimiter(_grains.GetGrain<ITenantThrottleGrain>(id), _options.CurrentValue, _time));
        }

        if (Endpoints.ScimHttp.IsScimPath(path))
        {
            return null;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return _anonymous.TryGetValue(address, out var anonymous)
            ? anonymous
            : _anonymous.GetOrAdd(address, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = _options.CurrentValue.UnauthenticatedBurst,
                TokensPerPeriod = Math.Max(1, (int)Math.Round(_options.CurrentValue.UnauthenticatedRequestsPerSecond)),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    private void AbandonAll()
    {
        foreach (var (tenantId, limiter) in _tenants)
        {
            if (_tenants.TryRemove(tenantId, out _))
            {
                limiter.Abandon();
            }
        }
    }

    /// <summary>Forgets limiters nobody used for a while, so memory follows the active tenants and clients.</summary>
    private void Sweep()
    {
        foreach (var (tenantId, limiter) in _tenants)
        {
            if (limiter.IdleDuration > IdleLimiterLifetime && _tenants.TryRemove(tenantId, out var removed))
            {
                removed.Dispose(); // gives back any permits it still holds
            }
        }

        foreach (var (address, limiter) in _anonymous)
        {
            if (limiter.IdleDuration > IdleLimiterLifetime && _anonymous.TryRemove(address, out var removed))
            {
                removed.Dispose();
            }
        }
    }

    private sealed class UnlimitedLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
