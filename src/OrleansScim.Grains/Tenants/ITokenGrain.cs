using Orleans.Concurrency;

namespace OrleansScim.Grains.Tenants;

/// <summary>One issued bearer token, keyed by its public token id. Holds only the secret's hash.</summary>
[Alias("scim.ITokenGrain")]
public interface ITokenGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string tenantId, string tenantKey, byte[] secretHash, CancellationToken cancellationToken = default);

    [Alias("Revoke")]
    Task RevokeAsync(CancellationToken cancellationToken = default);

    [ReadOnly, Alias("Get")]
    Task<TokenRecord?> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>What a token grants: the tenant (and its current key space) and the hash to check the secret against.</summary>
[GenerateSerializer, Immutable, Alias("scim.TokenRecord")]
public sealed record TokenRecord([property: Id(0)] string TenantId, [property: Id(1)] string TenantKey, [property: Id(2)] byte[] SecretHash);
