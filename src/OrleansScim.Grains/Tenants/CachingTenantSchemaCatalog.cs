using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tenants;

/// <summary>
/// This silo's cache of tenant schema sets, so a SCIM request costs no grain call for its schemas (the
/// built-in set of a tenant that registered nothing is cached too). A schema or settings change clears
/// the tenant's entry on every silo (<see cref="SiloCaches.TenantInvalidated"/>) before the admin call
/// returns; a read that raced such a clear is not stored (<see cref="SiloCaches.Generation"/>). The
/// lifetime only bounds staleness if this silo missed a broadcast while partitioned.
/// </summary>
public sealed class CachingTenantSchemaCatalog : ITenantSchemaCatalog, IDisposable
{
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Keyed by tenant id (what invalidation names); the entry remembers which key space it is for.</summary>
    private readonly SiloCache<Entry> _entries;
    private readonly ITenantSchemaCatalog _inner;
    private readonly SiloCaches _caches;

    public CachingTenantSchemaCatalog(ITenantSchemaCatalog inner, SiloCaches caches, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(caches);
        _inner = inner;
        _caches = caches;
        _entries = new SiloCache<Entry>(MaxEntries, caches, time);
        caches.TenantInvalidated += _entries.Remove;
    }

    public async ValueTask<ScimSchemaSet> GetAsync(string tenantKey, CancellationToken cancellationToken = default)
    {
        var tenantId = GrainKeys.TenantIdOf(tenantKey);
        if (_entries.TryGet(tenantId, out var cached) && cached!.TenantKey == tenantKey)
        {
            return cached.Schemas;
        }

        var generation = _caches.Generation;
        var schemas = await _inner.GetAsync(tenantKey, cancellationToken);
        _entries.SetIfCurrent(tenantId, new Entry(tenantKey, schemas), Lifetime, generation);
        return schemas;
    }

    public void Dispose()
    {
        // A disposed cache must not hear invalidations any more (the signal outlives it).
        _caches.TenantInvalidated -= _entries.Remove;
        _entries.Dispose();
    }

    private sealed record Entry(string TenantKey, ScimSchemaSet Schemas);
}
