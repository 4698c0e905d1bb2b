using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansScim.Grains;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Throttling;
using OrleansScim.Host.Throttling;

namespace OrleansScim.Host.Tests.Throttling;

/// <summary>
/// The limit is the tenant's, not a silo's: front ends on several silos share one bucket. Each front
/// end here is the real <see cref="TenantRateLimiter"/> talking to the throttle grain through its own
/// silo of a three-silo cluster, driven far above the limit for a few seconds.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class ClusterWideLimitTests : IAsyncLifetime
{
    private const double Rate = 100;
    // A burst of one second's worth: a pause of the (shared, two-core) test machine shorter than that
    // loses no tokens to the bucket's cap, so the count measures the limiter, not the machine.
    private const int Burst = 100;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);
    private static readonly ThrottlingOptions Options = new() { LeaseWindow = TimeSpan.FromMilliseconds(50) };

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.AddScimGrains();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AcceptedRate_StaysWithinTenPercentOfTheLimit_WhateverTheNumberOfSilos(int silos)
    {
        var tenantId = $"acc-{silos}-{Guid.NewGuid():N}";
        await Grains(0).GetGrain<ITenantThrottleGrain>(tenantId).SetLimitAsync(new RateLimit(Rate, Burst));
        var limiters = Enumerable.Range(0, silos)
            .Select(i => new TenantRateLimiter(Grains(i).GetGrain<ITenantThrottleGrain>(tenantId), Options, TimeProvider.System))
            .ToList();

        var clock = Stopwatch.StartNew();
        var accepted = await Task.WhenAll(limiters.SelectMany(limiter => Enumerable.Range(0, 4).Select(_ => HammerAsync(limiter, clock))));
        var elapsed = Math.Min(clock.Elapsed.TotalSeconds, Window.TotalSeconds);

        var expected = Burst + (Rate * elapsed);
        var stats = limiters.Select(l => l.GetStatistics()!).ToList();
        Assert.True(accepted.Sum() >= expected * 0.9 && accepted.Sum() <= expected * 1.1,
            $"accepted {accepted.Sum()} expected {expected:F0} elapsed {clock.Elapsed.TotalSeconds:F2}; limiter ok {stats.Sum(x => x.TotalSuccessfulLeases)} failed {stats.Sum(x => x.TotalFailedLeases)} left {stats.Sum(x => x.CurrentAvailablePermits)}");
    }

    [Fact]
    public async Task QuietTenant_GetsItsFullRate_WhileANoisyTenantIsThrottled()
    {
        var noisy = new TenantRateLimiter(Grains(0).GetGrain<ITenantThrottleGrain>("noisy-" + Guid.NewGuid().ToString("N")), Options, TimeProvider.System);
        var quietId = "quiet-" + Guid.NewGuid().ToString("N");
        await Grains(1).GetGrain<ITenantThrottleGrain>(quietId).SetLimitAsync(new RateLimit(1000, 1000));
        var quiet = new TenantRateLimiter(Grains(1).GetGrain<ITenantThrottleGrain>(quietId), Options, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var flood = HammerAsync(noisy, clock);
        var quietRejections = 0;
        // The quiet tenant stays well inside its own limit (about 100 requests/s against 1000/s).
        for (var i = 0; i < 100; i++)
        {
            using var lease = await quiet.AcquireAsync(1);
            quietRejections += lease.IsAcquired ? 0 : 1;
            await Task.Delay(10);
        }

        await flood;
        Assert.Equal(0, quietRejections);
        Assert.True(noisy.GetStatistics()!.TotalFailedLeases > 0, "the noisy tenant was throttled meanwhile");
    }

    [Fact]
    public async Task LimitChange_ReachesTheFrontEndsOfEverySilo()
    {
        var tenantId = "change-" + Guid.NewGuid().ToString("N");
        await Grains(0).GetGrain<ITenantThrottleGrain>(tenantId).SetLimitAsync(new RateLimit(0.1, 1));
        var limiters = Enumerable.Range(0, 3)
            .Select(i => new TenantRateLimiter(Grains(i).GetGrain<ITenantThrottleGrain>(tenantId), Options, TimeProvider.System))
            .ToList();
        var throttled = 0;
        foreach (var limiter in limiters)
        {
            using var lease = await limiter.AcquireAsync(1);
            throttled += lease.IsAcquired ? 0 : 1;
        }

        Assert.True(throttled >= 2, "one permit between three silos");

        await Grains(2).GetGrain<ITenantThrottleGrain>(tenantId).SetLimitAsync(new RateLimit(1000, 1000));

        var clock = Stopwatch.StartNew();
        foreach (var limiter in limiters)
        {
            // The raised limit applies from the next lease on (the bucket refills at the new rate).
            while (true)
            {
                using var lease = await limiter.AcquireAsync(1);
                if (lease.IsAcquired)
                {
                    break;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the raised limit did not reach this silo's front end");
                await Task.Delay(10);
            }
        }

        for (var i = 0; i < 30; i++)
        {
            using var lease = await limiters[i % 3].AcquireAsync(1);
            Assert.True(lease.IsAcquired, "at the new limit, 30 quick requests fit easily");
        }
    }

    private IGrainFactory Grains(int silo) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>Asks for permits far faster than the limit until the window closes; returns how many it got.</summary>
    private static async Task<int> HammerAsync(RateLimiter limiter, Stopwatch clock)
    {
        var accepted = 0;
        while (clock.Elapsed < Window)
        {
            // As the rate-limiting middleware does: the synchronous attempt first, then the asynchronous one.
            var lease = limiter.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                lease = await limiter.AcquireAsync(1);
            }

            using var _ = lease;
            if (lease.IsAcquired && clock.Elapsed < Window)
            {
                accepted++;
            }
            else if (!lease.IsAcquired)
            {
                await Task.Delay(2);
            }
        }

        return accepted;
    }
}
