using Microsoft.Extensions.Time.Testing;
using OrleansScim.Grains.Caching;

namespace OrleansScim.Grains.Tests.Caching;

/// <summary>The size-limited, clock-driven cache every silo cache of cluster data is made of.</summary>
public sealed class SiloCacheTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SiloCaches _invalidation = new();
    private readonly SiloCache<string> _cache;

    public SiloCacheTests() => _cache = new SiloCache<string>(10, _invalidation, _clock);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void AnEntry_LivesItsLifetime_OnTheGivenClock()
    {
        _cache.SetIfCurrent("a", "A", TimeSpan.FromMinutes(5), _invalidation.Generation);

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(_cache.TryGet("a", out var value));
        Assert.Equal("A", value);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(_cache.TryGet("a", out _));
    }

    [Fact]
    public void ARead_ThatRacedAnInvalidation_IsNotStored()
    {
        var generation = _invalidation.Generation;
        _invalidation.InvalidateTenant("t1");

        Assert.False(_cache.SetIfCurrent("t1", "stale", TimeSpan.FromMinutes(5), generation));
        Assert.False(_cache.TryGet("t1", out _));
    }

    [Fact]
    public void ItNeverHoldsMoreThanItsLimit_HoweverManyKeysAreTried()
    {
        for (var i = 0; i < 1_000; i++)
        {
            _cache.SetIfCurrent("guess-" + i, "x", TimeSpan.FromMinutes(5), _invalidation.Generation);
        }

        Assert.InRange(_cache.Count, 1, 10);
    }

    [Fact]
    public void ExpiredEntries_GoWhenSwept_AndRemoveWhere_TakesOnlyTheMatches()
    {
        _cache.SetIfCurrent("short", "t1", TimeSpan.FromSeconds(30), _invalidation.Generation);
        _cache.SetIfCurrent("a", "t1", TimeSpan.FromMinutes(5), _invalidation.Generation);
        _cache.SetIfCurrent("b", "t2", TimeSpan.FromMinutes(5), _invalidation.Generation);

        _clock.Advance(TimeSpan.FromMinutes(1));
        _cache.RemoveExpired();
        Assert.Equal(2, _cache.Count);

        _cache.RemoveWhere(tenant => tenant == "t1");
        Assert.False(_cache.TryGet("a", out _));
        Assert.True(_cache.TryGet("b", out _));
    }
}
