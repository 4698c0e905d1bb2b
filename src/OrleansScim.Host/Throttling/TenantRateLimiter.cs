using System.Threading.RateLimiting;
using OrleansScim.Grains.Throttling;

namespace OrleansScim.Host.Throttling;

/// <summary>
/// One tenant's limiter on one front end. The bucket itself lives in the tenant's throttle grain; this
/// limiter spends permits leased from it (about <see cref="ThrottlingOptions.LeaseWindow"/> worth of the
/// tenant's rate at a time), so a request costs a grain call only when the local lease runs out, and
/// the cluster as a whole never accepts more than the one bucket grants. Concurrent requests that find
/// the lease empty share one grain call. A hand-written <see cref="RateLimiter"/> because the
/// framework's limiters keep their buckets in process memory, which would multiply the limit by the
/// number of silos.
/// </summary>
public sealed class TenantRateLimiter(ITenantThrottleGrain bucket, ThrottlingOptions options, TimeProvider time) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);
    private static readonly RateLimitLease NotYet = new Lease(false, null);

    private readonly object _lock = new();
    private int _permits;
    private long _permitsExpireAt;
    private long _lastUsed = time.GetTimestamp();
    private Task<PermitLease>? _pending;
    private RateLimit? _knownLimit;
    private long _accepted;
    private long _rejected;

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = _permits,
        TotalSuccessfulLeases = Interlocked.Read(ref _accepted),
        TotalFailedLeases = Interlocked.Read(ref _rejected),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => TryTakeLocal(permitCount) ? Granted : NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        // Two rounds: a lease fetched by another request may have been spent before this one got a permit.
        for (var round = 0; round < 2; round++)
        {
            if (TryTakeLocal(permitCount))
            {
                return Granted;
            }

            var lease = await FetchAsync().WaitAsync(cancellationToken);
            if (TryTakeLocal(permitCount))
            {
                return Granted;
            }

            if (lease.Granted == 0)
            {
                Interlocked.Increment(ref _rejected);
                return new Lease(false, lease.RetryAfter);
            }
        }

        Interlocked.Increment(ref _rejected);
        return new Lease(false, TimeSpan.FromSeconds(1 / (_knownLimit?.RequestsPerSecond ?? 1)));
    }

    private bool TryTakeLocal(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        lock (_lock)
        {
            if (_permits >= permitCount && time.GetTimestamp() < _permitsExpireAt)
            {
                _permits -= permitCount;
                Interlocked.Increment(ref _accepted);
                return true;
            }

            return false;
        }
    }

    /// <summary>One grain call at a time per tenant and front end; not tied to any one request's cancellation.</summary>
    private Task<PermitLease> FetchAsync()
    {
        lock (_lock)
        {
            if (_pending is null || _pending.IsCompleted)
            {
                _pending = FetchOnceAsync();
            }

            return _pending;
        }
    }

    private async Task<PermitLease> FetchOnceAsync()
    {
        var rate = _knownLimit?.RequestsPerSecond ?? 1;
        var wanted = (int)Math.Clamp(Math.Ceiling(rate * options.LeaseWindow.TotalSeconds), 1, _knownLimit?.Burst ?? 1);
        var lease = await bucket.LeaseAsync(wanted);
        lock (_lock)
        {
            _knownLimit = lease.Limit;
            var now = time.GetTimestamp();
            if (now >= _permitsExpireAt)
            {
                _permits = 0;
            }

            _permits += lease.Granted;
            _permitsExpireAt = now + (long)(options.LeaseLifetime.TotalSeconds * time.TimestampFrequency);
        }

        return lease;
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
