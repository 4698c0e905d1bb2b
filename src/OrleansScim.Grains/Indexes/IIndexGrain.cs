using Orleans.Concurrency;

namespace OrleansScim.Grains.Indexes;

/// <summary>
/// One value of one tenant index (key <c>"{tenantKey}/{index}/{value}"</c>): which resources hold it.
/// A grain per value makes lookup and uniqueness cost one grain call whatever the tenant's size.
/// </summary>
[Alias("scim.IIndexGrain")]
public interface IIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves a unique value. If another owner holds it, that owner is asked whether it still does;
    /// a reservation whose owner never got written (or moved on) is reclaimed.
    /// </summary>
    [Alias("Claim")]
    Task<ClaimResult> ClaimAsync(string ownerId, CancellationToken cancellationToken = default);

    /// <summary>Adds an owner to a non-unique value (externalId, emails).</summary>
    [Alias("Add")]
    Task AddAsync(string ownerId, CancellationToken cancellationToken = default);

    [Alias("Release")]
    Task ReleaseAsync(string ownerId, CancellationToken cancellationToken = default);

    [ReadOnly, Alias("GetOwners")]
    Task<IReadOnlyList<string>> GetOwnersAsync(CancellationToken cancellationToken = default);
}

[GenerateSerializer, Immutable, Alias("scim.ClaimResult")]
public sealed record ClaimResult([property: Id(0)] bool Claimed, [property: Id(1)] string? HeldBy);
