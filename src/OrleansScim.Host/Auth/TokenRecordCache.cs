using System.Collections.Concurrent;
using System.Security.Claims;
using OrleansScim.Grains.Hosting;
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

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _unknown = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string TenantId, DateTimeOffset Until)> _recentlyValid = new(StringComparer.Ordinal);
    private readonly ITokenRecordSource _source;
    private readonly SiloCaches _caches;
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public TokenRecordCache(ITokenRecordSource source, SiloCaches caches, TimeProvider time)
    {
        _source = source;
        _caches = caches;
        _time = time;
        _sweeper = time.CreateTimer(_ => RemoveExpired(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        caches.TokenInvalidated += tokenId =>
        {
            _entries.TryRemove(tokenId, out _);
            _unknown.TryRemove(tokenId, out _);
            _recentlyValid.TryRemove(tokenId, out _);
        };
        caches.TenantInvalidated += tenantId =>
        {
            foreach (var (tokenId, entry) in _entries)
            {
                if (entry.Record?.TenantId == tenantId)
                {
                    _entries.TryRemove(tokenId, out _);
                }
            }

            foreach (var (tokenId, recent) in _recentlyValid)
            {
                if (recent.TenantId == tenantId)
                {
                    _recentlyValid.TryRemove(tokenId, out _);
                }
            }
        };
    }

    /// <summary>Entries held now, known and unknown ids (expired ones included until the next sweep).</summary>
    public int Count => _entries.Count + _unknown.Count;

    public void Dispose() => _sweeper.Dispose();

    public async ValueTask<TokenRecord?> GetAsync(string tokenId, CancellationToken cancellationToken) =>
        (await GetEntryAsync(tokenId, cancellationToken)).Record;

    /// <summary>
    /// Whether this token id was valid here within the last hour although its cache entry has expired: its
    /// lookup is a refresh, not a guess, so it is made even for an address over its failure limit (otherwise
    /// a guesser sharing the address would lock a tenant out once its entry expired).
    /// </summary>
    public bool WasRecentlyValid(string tokenId) =>
        _recentlyValid.TryGetValue(tokenId, out var recent) && recent.Until > _time.GetUtcNow();

    /// <summary>
    /// What this silo already knows of a token id, without a lookup: true with its record, or true with null
    /// for an id known not to exist; false when the id must be looked up.
    /// </summary>
    public bool TryGetCached(string tokenId, out TokenRecord? record)
    {
        var now = _time.GetUtcNow();
        if ((_entries.TryGetValue(tokenId, out var entry) || _unknown.TryGetValue(tokenId, out entry)) && entry.ExpiresAt > now)
        {
            record = entry.Record;
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
        var now = _time.GetUtcNow();
        if ((_entries.TryGetValue(tokenId, out var cached) || _unknown.TryGetValue(tokenId, out cached)) && cached.ExpiresAt > now)
        {
            return cached;
        }

        var generation = _caches.Generation;
        var record = await _source.FindAsync(tokenId, cancellationToken);
        var (entries, limit) = record is null ? (_unknown, MaxUnknownEntries) : (_entries, MaxKnownEntries);
        if (entries.Count >= limit)
        {
            // Bounded memory: guessing random token ids must not grow the cache without limit.
            entries.Clear();
        }

        var entry = new Entry(record, now + (record is null ? NegativeLifetime : PositiveLifetime));
        if (_caches.Generation == generation)
        {
            entries[tokenId] = entry;
            if (record is not null && _recentlyValid.Count < MaxKnownEntries)
            {
                _recentlyValid[tokenId] = (record.TenantId, now + RecentlyValidRetention);
            }
        }

        return entry;
    }

    private void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (tokenId, recent) in _recentlyValid)
        {
            if (recent.Until <= now)
            {
                _recentlyValid.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(tokenId, recent));
            }
        }

        foreach (var entries in new[] { _entries, _unknown })
        {
            foreach (var (tokenId, entry) in entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    // Only this entry: a fresh one stored meanwhile under the same token id stays.
                    entries.TryRemove(new KeyValuePair<string, Entry>(tokenId, entry));
                }
            }
        }
    }

    private sealed class Entry(TokenRecord? record, DateTimeOffset expiresAt)
    {
        public TokenRecord? Record { get; } = record;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public ClaimsPrincipal? Principal { get; set; }
    }
}
