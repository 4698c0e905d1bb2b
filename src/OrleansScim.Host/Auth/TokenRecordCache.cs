using System.Security.Claims;
using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Host.Auth;

/// <summary>
/// This silo's cache of token records, so authenticating a request costs no grain call. Revocation
/// and tenant deletion clear it on every silo (<see cref="SiloCaches"/>) before they return; the
/// time limit only bounds staleness if a silo missed a broadcast while partitioned. Expired entries are
/// swept every minute, so a tenant that stopped calling costs this silo nothing after a few minutes.
/// Unknown token ids are remembered too (briefly, and in a bounded set of their own, so guessed ids can
/// neither grow memory without limit nor push valid tokens out).
/// </summary>
public sealed class TokenRecordCache : IDisposable
{
    private const int MaxKnownEntries = 200_000;
    private const int MaxUnknownEntries = 50_000;
    private static readonly TimeSpan PositiveLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan NegativeLifetime = TimeSpan.FromSeconds(30);

    /// <summary>How long a token id is remembered as having been valid here after its cache entry expired.</summary>
    private static readonly TimeSpan RecentlyValidRetention = TimeSpan.FromHours(1);

    private readonly SiloCache<Entry> _entries;
    private readonly SiloCache<Entry> _unknown;
    private readonly SiloCache<string> _recentlyValid;
    private readonly ITokenRecordSource _source;
    private readonly SiloCaches _caches;
    private readonly ITimer _sweeper;

    public TokenRecordCache(ITokenRecordSource source, SiloCaches caches, TimeProvider time)
    {
        _source = source;
        _caches = caches;
        _entries = new SiloCache<Entry>(MaxKnownEntries, caches, time);
        _unknown = new SiloCache<Entry>(MaxUnknownEntries, caches, time);
        _recentlyValid = new SiloCache<string>(MaxKnownEntries, caches, time);
        _sweeper = time.CreateTimer(_ => RemoveExpired(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        caches.TokenInvalidated += ForgetToken;
        caches.TenantInvalidated += ForgetTenant;
    }

    /// <summary>Entries held now, known and unknown ids (expired ones included until the next sweep).</summary>
    public int Count => _entries.Count + _unknown.Count;

    public void Dispose()
    {
        // A disposed cache must not hear invalidations any more (the signal outlives it).
        _caches.TokenInvalidated -= ForgetToken;
        _caches.TenantInvalidated -= ForgetTenant;
        _sweeper.Dispose();
        _entries.Dispose();
        _unknown.Dispose();
        _recentlyValid.Dispose();
    }

    public async ValueTask<TokenRecord?> GetAsync(string tokenId, CancellationToken cancellationToken) =>
        (await GetEntryAsync(tokenId, cancellationToken)).Record;

    /// <summary>
    /// Whether this token id was valid here within the last hour although its cache entry has expired: its
    /// lookup is a refresh, not a guess, so it is made even for an address over its failure limit (otherwise
    /// a guesser sharing the address would lock a tenant out once its entry expired).
    /// </summary>
    public bool WasRecentlyValid(string tokenId) => _recentlyValid.TryGet(tokenId, out _);

    /// <summary>
    /// What this silo already knows of a token id, without a lookup: true with its record, or true with null
    /// for an id known not to exist; false when the id must be looked up.
    /// </summary>
    public bool TryGetCached(string tokenId, out TokenRecord? record)
    {
        if (_entries.TryGet(tokenId, out var entry) || _unknown.TryGet(tokenId, out entry))
        {
            record = entry!.Record;
            return true;
        }

        record = null;
        return false;
    }

    /// <summary>
    /// The principal a valid token authenticates as, built once per token: every request with the token
    /// would build the same claims. Callers must treat it as read-only (nothing here adds claims).
    /// </summary>
    public async ValueTask<(TokenRecord? Record, ClaimsPrincipal? Principal)> GetPrincipalAsync(string tokenId, string scheme, CancellationToken cancellationToken)
    {
        var entry = await GetEntryAsync(tokenId, cancellationToken);
        if (entry.Record is null)
        {
            return (null, null);
        }

        entry.Principal ??= new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ScimClaims.TenantId, entry.Record.TenantId),
                new Claim(ScimClaims.TenantKey, entry.Record.TenantKey),
                new Claim(ScimClaims.TokenId, tokenId),
            ],
            scheme));
        return (entry.Record, entry.Principal);
    }

    private async ValueTask<Entry> GetEntryAsync(string tokenId, CancellationToken cancellationToken)
    {
        if (_entries.TryGet(tokenId, out var cached) || _unknown.TryGet(tokenId, out cached))
        {
            return cached!;
        }

        var generation = _caches.Generation;
        var record = await _source.FindAsync(tokenId, cancellationToken);
        var entry = new Entry(record);

        // Unknown ids have a bounded cache of their own: guessed ids can neither grow memory without
        // limit nor push valid tokens out.
        if (record is null)
        {
            _unknown.SetIfCurrent(tokenId, entry, NegativeLifetime, generation);
        }
        else if (_entries.SetIfCurrent(tokenId, entry, PositiveLifetime, generation))
        {
            _recentlyValid.SetIfCurrent(tokenId, record.TenantId, RecentlyValidRetention, generation);
        }

        return entry;
    }

    private void ForgetToken(string tokenId)
    {
        _entries.Remove(tokenId);
        _unknown.Remove(tokenId);
        _recentlyValid.Remove(tokenId);
    }

    private void ForgetTenant(string tenantId)
    {
        _entries.RemoveWhere(entry => entry.Record?.TenantId == tenantId);
        _recentlyValid.RemoveWhere(recentTenant => recentTenant == tenantId);
    }

    /// <summary>A tenant that stopped calling costs this silo nothing once its entries expired: they are dropped every minute, not when the cache fills.</summary>
    private void RemoveExpired()
    {
        _entries.RemoveExpired();
        _unknown.RemoveExpired();
        _recentlyValid.RemoveExpired();
    }

    private sealed class Entry(TokenRecord? record)
    {
        public TokenRecord? Record { get; } = record;

        public ClaimsPrincipal? Principal { get; set; }
    }
}
