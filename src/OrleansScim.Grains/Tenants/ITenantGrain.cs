using Orleans.Concurrency;

namespace OrleansScim.Grains.Tenants;

/// <summary>One tenant (key = tenant id): its key space, its tokens and its settings.</summary>
[Alias("scim.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant and its first token; null when it already exists.</summary>
    [Alias("Create")]
    Task<TenantCreated?> CreateAsync(CancellationToken cancellationToken = default);

    [Alias("GetInfo")]
    Task<TenantInfo?> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the tenant: its tokens stop working at once and its resources are purged.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(CancellationToken cancellationToken = default);

    [Alias("IssueToken")]
    Task<IssuedToken?> IssueTokenAsync(CancellationToken cancellationToken = default);

    [Alias("RevokeToken")]
    Task<bool> RevokeTokenAsync(string tokenId, CancellationToken cancellationToken = default);

    /// <summary>How many deleted incarnations still have data being purged.</summary>
    [ReadOnly, Alias("GetPendingPurges")]
    Task<int> GetPendingPurgesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers (or replaces) the extension schema <paramref name="urn"/> from an admin request body
    /// (see <c>SchemaExtensionRegistration</c>); every silo's schema cache is cleared before this returns.
    /// </summary>
    [Alias("PutSchemaExtension")]
    Task<SchemaExtensionResult> PutSchemaExtensionAsync(string urn, string body, CancellationToken cancellationToken = default);

    /// <summary>Removes an extension schema; false when the tenant or the schema does not exist.</summary>
    [Alias("DeleteSchemaExtension")]
    Task<bool> DeleteSchemaExtensionAsync(string urn, CancellationToken cancellationToken = default);

    /// <summary>Changes the settings the change names and keeps the others; the new settings, or null when the tenant does not exist.</summary>
    [Alias("ChangeSettings")]
    Task<TenantSettings?> ChangeSettingsAsync(TenantSettingsChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// The committed extensions and settings, for the silos' schema catalogs and the admin API.
    /// Interleaved: resource grains ask for it while activating, and the tenant may be waiting on them
    /// (a purge, or counting its directories in <see cref="GetInfoAsync"/>); it only reads a snapshot
    /// that changes after each successful write.
    /// </summary>
    [AlwaysInterleave, Alias("GetSchemaConfiguration")]
    Task<TenantSchemaConfiguration> GetSchemaConfigurationAsync(CancellationToken cancellationToken = default);
}

[GenerateSerializer, Immutable, Alias("scim.TenantCreated")]
public sealed record TenantCreated([property: Id(0)] string TenantId, [property: Id(1)] string TenantKey, [property: Id(2)] IssuedToken Token);

[GenerateSerializer, Immutable, Alias("scim.IssuedToken")]
public sealed record IssuedToken([property: Id(0)] string TokenId, [property: Id(1)] string Token, [property: Id(2)] DateTimeOffset Created);

[GenerateSerializer, Immutable, Alias("scim.TokenSummary")]
public sealed record TokenSummary([property: Id(0)] string TokenId, [property: Id(1)] DateTimeOffset Created);

[GenerateSerializer, Immutable, Alias("scim.TenantInfo")]
public sealed record TenantInfo(
    [property: Id(0)] string TenantId,
    [property: Id(1)] DateTimeOffset Created,
    [property: Id(2)] long UserCount,
    [property: Id(3)] long GroupCount,
    [property: Id(4)] IReadOnlyList<TokenSummary> Tokens);
