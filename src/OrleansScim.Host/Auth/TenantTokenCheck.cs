using System.Security.Claims;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Host.Auth;

/// <summary>
/// Checks a tenant's bearer token with the same work whether or not its id exists: one record lookup
/// (from the silo's cache, else its source; unknown ids are cached as such) and one constant-time secret
/// comparison, against a dummy hash when there is no record. So response time does not tell an attacker
/// which token ids exist.
/// </summary>
public sealed class TenantTokenCheck(TokenRecordCache cache, Func<string, byte[], bool>? secretMatches = null)
{
    /// <summary>Compared against when the id has no record, so that path hashes the secret too.</summary>
    private static readonly byte[] NoRecordHash = TokenSecrets.Hash("no token has this secret: " + Guid.NewGuid());

    private readonly Func<string, byte[], bool> _secretMatches = secretMatches ?? TokenSecrets.Matches;

    /// <summary>The record a token grants when the silo already knows its id; null result = not known here (look it up), invalid = a record of null.</summary>
    public bool TryCheckCached(string tokenId, string secret, out TokenRecord? valid)
    {
        if (!cache.TryGetCached(tokenId, out var record))
        {
            valid = null;
            return false;
        }

        valid = Verify(record, secret);
        return true;
    }

    /// <summary>Whether the id was valid on this silo recently (its lookup refreshes a known token rather than guesses).</summary>
    public bool WasRecentlyValid(string tokenId) => cache.WasRecentlyValid(tokenId);

    /// <summary>Looks the id up (cached or not) and checks the secret; null when the token is not valid.</summary>
    public async ValueTask<TokenRecord?> CheckAsync(string tokenId, string secret, CancellationToken cancellationToken) =>
        Verify(await cache.GetAsync(tokenId, cancellationToken), secret);

    /// <summary>The principal of a valid token, built once per token by the cache.</summary>
    public async ValueTask<ClaimsPrincipal> PrincipalAsync(string tokenId, string scheme, CancellationToken cancellationToken) =>
        (await cache.GetPrincipalAsync(tokenId, scheme, cancellationToken)).Principal!;

    private TokenRecord? Verify(TokenRecord? record, string secret)
    {
        var matches = _secretMatches(secret, record?.SecretHash ?? NoRecordHash);
        return record is not null && matches ? record : null;
    }
}
