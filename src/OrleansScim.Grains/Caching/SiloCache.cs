using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace OrleansScim.Grains.Caching;

/// <summary>
/// A size-limited <see cref="MemoryCache"/> of one kind of cluster data on this silo (token records,
/// tenant schema sets), each entry counting 1 towards <c>maxEntries</c> and living a fixed time. The
/// cache runs on the given <see cref="TimeProvider"/>, so lifetimes follow the grain clock in tests.
/// What is read races invalidation (<see cref="SiloCaches"/>): <see cref="SetIfCurrent"/> stores a read
/// only if no invalidation happened since it started.
/// </summary>
/// <typeparam name="TValue">The cached value, a reference type.</typeparam>
public sealed class SiloCache<TValue> : IDisposable
    where TValue : class
{
    private readonly MemoryCache _cache;
    private readonly SiloCaches _invalidation;

    public SiloCache(int maxEntries, SiloCaches invalidation, TimeProvider time)
    {
        _invalidation = invalidation;
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = maxEntries,
#pragma warning disable CS0618 // MemoryCacheOptions takes no TimeProvider yet; ISystemClock is its only clock.
            Clock = new TimeProviderClock(time),
#pragma warning restore CS0618
        });
    }

    /// <summary>Entries held, expired ones included until <see cref="RemoveExpired"/> or the cache's own scan.</summary>
    public int Count => _cache.Count;

    public bool TryGet(string key, out TValue? value) => _cache.TryGetValue(key, out value);

    /// <summary>Stores <paramref name="value"/> unless an invalidation happened after <paramref name="generation"/> was read (<see cref="SiloCaches.Generation"/>).</summary>
    public bool SetIfCurrent(string key, TValue value, TimeSpan lifetime, long generation)
    {
        if (_invalidation.Generation != generation)
        {
            return false;
        }

        // When full, MemoryCache refuses the entry and compacts in the background (oldest-used first).
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        return true;
    }

    public void Remove(string key) => _cache.Remove(key);

    /// <summary>Removes every entry whose value matches (e.g. all tokens of a deleted tenant).</summary>
    public void RemoveWhere(Func<TValue, bool> match)
    {
        foreach (var key in _cache.Keys)
        {
            if (_cache.TryGetValue(key, out TValue? value) && value is not null && match(value))
            {
                _cache.Remove(key);
            }
        }
    }

    /// <summary>Drops expired entries now (MemoryCache otherwise scans only when it is used).</summary>
    public void RemoveExpired() => _cache.Compact(0);

    public void Dispose() => _cache.Dispose();

#pragma warning disable CS0618
    private sealed class TimeProviderClock(TimeProvider time) : ISystemClock
#pragma warning restore CS0618
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
