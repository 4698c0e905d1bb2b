using System.Threading.RateLimiting;
using OrleansScim.Grains.Throttling;

namespace OrleansScim.Host.Throttling;

/// <summary>
/// One tenant's limiter on one front end. The bucket itself lives in the tenant's throttle grain; this
/// limiter spends permits leased from it, so a request costs a grain call only when the local permits run
/// out, and the cluster as a whole never accepts more than the one bucket grants. A hand-written
/// <see cref="RateLimiter"/> because the framework's limiters keep their buckets in process memory, which
/// would multiply the limit by the number of silos.
/// </summary>
/// <remarks>
/// <para>
/// Requests that find no local permit wait in line while one grain call at a time asks for all of them at
/// once (at least a slice of <see cref="ThrottlingOptions.LeaseWindow"/> of the tenant's rate, so that the
/// requests after them find permits here). Permits go to the waiters in arrival order, and a waiter is
/// refused only when a grain call made after it arrived granted nothing, i.e. when the bucket itself was
/// empty. Asking for one slice per call instead refused concurrent requests while the bucket still held
/// permits, and the bucket then wasted its refill against its cap.
/// </para>
/// <para>
/// Permits not spent within <see cref="ThrottlingOptions.LeaseLifetime"/> of their lease go back to the
/// bucket instead of expiring, so a front end that falls quiet holds less than a slice, briefly, and a
/// tenant's budget is not lost a slice at a time to front ends it stopped using.
/// </para>
/// </remarks>
public sealed partial class TenantRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);
    private static readonly RateLimitLease NotYet = new Lease(false, null);

    private readonly ITenantThrottleGrain _bucket;
    private readonly ThrottlingOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _giveBackTimer;
    private readonly object _lock = new();
    private readonly Queue<Waiter> _waiters = new();
    private int _permits;
    private long _permitsLeasedAt;
    private int _waitingPermits;
    private long _arrivals;
    private bool _fetching;
    private bool _disposed;
    private RateLimit? _knownLimit;
    private long _lastUsed;
    private long _accepted;
    private long _rejected;

    public TenantRateLimiter(ITenantThrottleGrain bucket, ThrottlingOptions options, TimeProvider time)
    {
        _bucket = bucket;
        _options = options;
        _time = time;
        _lastUsed = time.GetTimestamp();
        _giveBackTimer = time.CreateTimer(_ => GiveBackUnused(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration => _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new()
            {
                CurrentAvailablePermits = _permits,
                CurrentQueuedCount = _waitingPermits,
                TotalSuccessfulLeases = _accepted,
                TotalFailedLeases = _rejected,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());
        lock (_lock)
        {
            return TryTakeLocal(permitCount) ? Granted : NotYet;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());
        Waiter waiter;
        bool startFetch;
        lock (_lock)
        {
            if (TryTakeLocal(permitCount))
            {
                return ValueTask.FromResult(Granted);
            }

            if (permitCount == 0)
            {
                return ValueTask.FromResult(NotYet);
            }

            waiter = new Waiter(permitCount, ++_arrivals);
            _waiters.Enqueue(waiter);
            _waitingPermits += permitCount;
            startFetch = !_fetching;
            _fetching = true;
        }

        if (startFetch)
        {
            _ = FetchAsync();
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : new ValueTask<RateLimitLease>(waiter.Task);
    }

    /// <summary>
    /// For shutdown: drops the permits held here instead of returning them, since the silo that hosts the
    /// bucket may already be gone (the bucket refills them anyway); then disposes.
    /// </summary>
    public void Abandon()
    {
        lock (_lock)
        {
            _permits = 0;
        }

        Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            int unused;
            lock (_lock)
            {
                _disposed = true;
                unused = _permits;
                _permits = 0;
            }

            _giveBackTimer.Dispose();
            if (unused > 0)
            {
                _ = GiveBackAsync(unused);
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Under the lock. Nobody overtakes a waiting request: with waiters in line, local permits are theirs.</summary>
    private bool TryTakeLocal(int permitCount)
    {
        if (_waitingPermits > 0 || _permits < permitCount)
        {
            return false;
        }

        _permits -= permitCount;
        _accepted++;
        return true;
    }

    private async ValueTask<RateLimitLease> WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.UnsafeRegister(_ => Cancel(waiter, cancellationToken), null);
        return await waiter.Task;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Under the lock, so a waiter is either served (and its permits spent) or canceled (and not counted).
            if (waiter.TrySetCanceled(cancellationToken))
            {
                _waitingPermits -= waiter.Count;
            }
        }
    }

    private sealed class Waiter(int count, long arrival) : TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public int Count => count;

        /// <summary>Arrival order: a grain call answers for the requests that arrived before it started.</summary>
        public long Arrival => arrival;
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
