using System.Collections.Concurrent;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Hosting;

/// <summary>
/// This silo's cache of tenant schema sets, so a SCIM request costs no grain call for its schemas (the
/// built-in set of a tenant that registered nothing is cached too). A schema or settings change clears
/// the tenant's entry on every silo (<see cref="SiloCaches.TenantInvalidated"/>) before the admin call
/// returns; a read that raced such a clear is not stored (<see cref="SiloCaches.Generation"/>). The
/// lifetime only bounds staleness if this silo missed a broadcast while partitioned.
/// </summary>
public sealed class CachingTenantSchemaCatalog : ITenantSchemaCatalog
{
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Keyed by tenant id (what invalidation names); the entry remembers which key space it is for.</summary>
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ITenantSchemaCatalog _inner;
    private readonly SiloCaches _caches;
    private readonly TimeProvider _time;

    public CachingTenantSchemaCatalog(ITenantSchemaCatalog inner, SiloCaches caches, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(caches);
        _inner = inner;
        _caches = caches;
        _time = time;
        caches.TenantInvalidated += tenantId => _entries.TryRemove(tenantId, out _);
    }

    public async ValueTask<ScimSchemaSet> GetAsync(string tenantKey, CancellationToken cancellationToken = default)
    {
        var tenantId = GrainKeys.TenantIdOf(tenantKey);
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out var cached) && cached.TenantKey == tenantKey && cached.ExpiresAt > now)
        {
            return cached.Schemas;
        }

        var generation = _caches.Generation;
        var schemas = await _inner.GetAsync(tenantKey, cancellationToken);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        if (_caches.Generation == generation)
        {
            _entries[tenantId] = new Entry(tenantKey, schemas, now + Lifetime);
        }

        return schemas;
    }

    private sealed record Entry(string TenantKey, ScimSchemaSet Schemas, DateTimeOffset ExpiresAt);
}
