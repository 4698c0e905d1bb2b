using Microsoft.Extensions.Time.Testing;
using OrleansScim.Grains.Throttling;
using OrleansScim.Host.Tests.Infrastructure;
using OrleansScim.Host.Throttling;

namespace OrleansScim.Host.Tests.Throttling;

/// <summary>The front-end limiter alone, against a stand-in bucket that grants whatever is asked and records what comes back.</summary>
public sealed class TenantRateLimiterTests
{
    private static readonly ThrottlingOptions Options = new() { LeaseWindow = TimeSpan.FromMilliseconds(100), LeaseLifetime = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task UnspentPermits_GoBackToTheBucket_AfterTheLeaseLifetime()
    {
        var clock = new FakeTimeProvider();
        var bucket = new RecordingBucket(new RateLimit(100, 100));
        using var limiter = new TenantRateLimiter(bucket, Options, clock);

        // The first call learns the limit; the second leases a slice of 10 (100/s over 100 ms) and keeps 9.
        Assert.True((await limiter.AcquireAsync(1)).IsAcquired);
        Assert.True((await limiter.AcquireAsync(1)).IsAcquired);
        Assert.Equal(11, bucket.Leased);

        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        Assert.Equal(0, bucket.Returned);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(8, bucket.Returned);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(11, bucket.Leased);
    }

    [Fact]
    public async Task CanceledWait_LeavesItsPermitForTheNextRequest()
    {
        var bucket = new RecordingBucket(new RateLimit(100, 100)) { Hold = new TaskCompletionSource() };
        using var limiter = new TenantRateLimiter(bucket, Options, new FakeTimeProvider());
        using var canceled = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, canceled.Token);
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);

        bucket.Hold.SetResult();
        await Eventually.UntilAsync(() => Task.FromResult(limiter.GetStatistics()!.CurrentAvailablePermits), permits => permits == 1, "the late lease reached the limiter");
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        Assert.Equal(1, bucket.Leased);
    }

    [Fact]
    public async Task FailedGrainCall_FailsTheWaitingRequest_AndTheNextRequestCallsAgain()
    {
        var bucket = new RecordingBucket(new RateLimit(100, 100)) { FailNextLease = true };
        using var limiter = new TenantRateLimiter(bucket, Options, new FakeTimeProvider());

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await limiter.AcquireAsync(1).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True((await limiter.AcquireAsync(1).AsTask().WaitAsync(TimeSpan.FromSeconds(10))).IsAcquired);
    }

    private sealed class RecordingBucket(RateLimit limit) : ITenantThrottleGrain
    {
        private int _leased;
        private int _returned;

        public int Leased => Volatile.Read(ref _leased);

        public int Returned => Volatile.Read(ref _returned);

        /// <summary>When set, leases are granted only once it completes.</summary>
        public TaskCompletionSource? Hold { get; init; }

        /// <summary>When set, the next lease call throws before it returns a task, as a broken grain reference might.</summary>
        public bool FailNextLease { get; set; }

        public Task<PermitLease> LeaseAsync(int wanted, CancellationToken cancellationToken = default)
        {
            if (FailNextLease)
            {
                FailNextLease = false;
                throw new InvalidOperationException("silo unavailable");
            }

            return GrantAsync(wanted);
        }

        private async Task<PermitLease> GrantAsync(int wanted)
        {
            if (Hold is not null)
            {
                await Hold.Task;
            }

            Interlocked.Add(ref _leased, wanted);
            return new PermitLease(wanted, TimeSpan.Zero, limit);
        }

        public Task ReturnAsync(int permits, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _returned, permits);
            return Task.CompletedTask;
        }

        public Task<TenantLimit> GetLimitAsync(CancellationToken cancellationToken = default) => Task.FromResult(new TenantLimit(limit, true));

        public Task<TenantLimit> SetLimitAsync(RateLimit? newLimit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
