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
/// </summary>
public sealed class TokenRecordCache : IDisposable
{
    private const int MaxEntries = 200_000;
    private static readonly TimeSpan PositiveLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan NegativeLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly SiloCaches _caches;
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public TokenRecordCache(IGrainFactory grains, SiloCaches caches, TimeProvider time)
    {
        _grains = grains;
        _caches = caches;
        _time = time;
        _sweeper = time.CreateTimer(_ => RemoveExpired(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        caches.TokenInvalidated += tokenId => _entries.TryRemove(tokenId, out _);
        caches.TenantInvalidated += tenantId =>
        {
            foreach (var (tokenId, entry) in _entries)
            {
                if (entry.Record?.TenantId == tenantId)
                {
                    _entries.TryRemove(tokenId, out _);
                }
            }
        };
    }

    /// <summary>Entries held now (expired ones included until the next sweep).</summary>
    public int Count => _entries.Count;

    public void Dispose() => _sweeper.Dispose();

    public async ValueTask<TokenRecord?> GetAsync(string tokenId, CancellationToken cancellationToken) =>
        (await GetEntryAsync(tokenId, cancellationToken)).Record;

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
        if (_entries.TryGetValue(tokenId, out var cached) && cached.ExpiresAt > now)
        {
            return cached;
        }

        var generation = _caches.Generation;
        var record = await _grains.GetGrain<ITokenGrain>(tokenId).GetAsync(cancellationToken);
        if (_entries.Count >= MaxEntries)
        {
            // Bounded memory: guessing random token ids must not grow the cache without limit.
            _entries.Clear();
        }

        var entry = new Entry(record, now + (record is null ? NegativeLifetime : PositiveLifetime));
        if (_caches.Generation == generation)
        {
            _entries[tokenId] = entry;
        }

        return entry;
    }

    private void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (tokenId, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                // Only this entry: a fresh one stored meanwhile under the same token id stays.
                _entries.TryRemove(new KeyValuePair<string, Entry>(tokenId, entry));
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
