using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Auth;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Response time must not tell which token ids exist: an unknown token id and a known id with a wrong
/// secret take the same steps, one record lookup (the first time; the silo remembers both answers) and one
/// constant-time secret comparison. Counted with fakes, not timed (the median comparison is in load/README.md).
/// </summary>
public sealed class TokenCheckWorkTests
{
    private static readonly (string TokenId, string Token, byte[] Hash) Issued = TokenSecrets.Issue();
    private static readonly string UnknownId = Convert.ToHexStringLower(new byte[12]);
    private static readonly string WrongSecret = new('w', 43);

    [Fact]
    public async Task UnknownIdAndWrongSecret_DoTheSameWork_FirstTimeAndCached()
    {
        var source = new CountingSource();
        var comparisons = 0;
        var check = new TenantTokenCheck(
            new TokenRecordCache(source, new SiloCaches(), TimeProvider.System),
            (secret, hash) =>
            {
                comparisons++;
                return TokenSecrets.Matches(secret, hash);
            });

        var work = new List<(int Lookups, int Comparisons, bool Valid)>();
        foreach (var tokenId in new[] { UnknownId, Issued.TokenId, UnknownId, Issued.TokenId })
        {
            var (lookupsBefore, comparisonsBefore) = (source.Lookups, comparisons);
            var valid = check.TryCheckCached(tokenId, WrongSecret, out var cached) ? cached : await check.CheckAsync(tokenId, WrongSecret, CancellationToken.None);
            work.Add((source.Lookups - lookupsBefore, comparisons - comparisonsBefore, valid is not null));
        }

        Assert.Equal([(1, 1, false), (1, 1, false), (0, 1, false), (0, 1, false)], work);
    }

    [Fact]
    public async Task TheRightSecret_IsValid_AndTheSameCheckAsTheWrongOne()
    {
        var source = new CountingSource();
        var check = new TenantTokenCheck(new TokenRecordCache(source, new SiloCaches(), TimeProvider.System));
        var secret = Issued.Token[(Issued.TokenId.Length + 1)..];

        Assert.NotNull(await check.CheckAsync(Issued.TokenId, secret, CancellationToken.None));
        Assert.True(check.TryCheckCached(Issued.TokenId, secret, out var cached) && cached is not null);
        Assert.True(check.TryCheckCached(Issued.TokenId, WrongSecret, out var wrong) && wrong is null);
        Assert.Equal(1, source.Lookups);
    }

    /// <summary>
    /// A token valid here before is looked up again once its entry expires even from an address over its
    /// failure limit (the handler asks <see cref="TenantTokenCheck.WasRecentlyValid"/>): a guesser sharing
    /// the address cannot lock a tenant out. Revocation forgets it at once.
    /// </summary>
    [Fact]
    public async Task AnExpiredValidToken_IsRememberedAsRecentlyValid_ForAnHour_UnlessRevoked()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var caches = new SiloCaches();
        var check = new TenantTokenCheck(new TokenRecordCache(new CountingSource(), caches, time));
        var secret = Issued.Token[(Issued.TokenId.Length + 1)..];
        await check.CheckAsync(Issued.TokenId, secret, CancellationToken.None);
        await check.CheckAsync(UnknownId, secret, CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(check.TryCheckCached(Issued.TokenId, secret, out _));
        Assert.True(check.WasRecentlyValid(Issued.TokenId));
        Assert.False(check.WasRecentlyValid(UnknownId));

        time.Advance(TimeSpan.FromMinutes(55));
        Assert.False(check.WasRecentlyValid(Issued.TokenId));

        await check.CheckAsync(Issued.TokenId, secret, CancellationToken.None);
        caches.InvalidateToken(Issued.TokenId);
        Assert.False(check.WasRecentlyValid(Issued.TokenId));
    }

    private sealed class CountingSource : ITokenRecordSource
    {
        public int Lookups { get; private set; }

        public ValueTask<TokenRecord?> FindAsync(string tokenId, CancellationToken cancellationToken)
        {
            Lookups++;
            return ValueTask.FromResult(tokenId == Issued.TokenId ? new TokenRecord("t", "t.inc", Issued.Hash) : null);
        }
    }
}
