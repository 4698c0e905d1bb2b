namespace OrleansScim.Grains.Throttling;

/// <summary>
/// The one token bucket of a tenant (key = tenant id), shared by every silo. Front ends take permits in
/// small leases, so the limit holds cluster-wide while most requests cost no grain call.
/// </summary>
[Alias("scim.ITenantThrottleGrain")]
public interface ITenantThrottleGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <paramref name="wanted"/> permits; with none left, says when the next one is due.</summary>
    [Alias("Lease")]
    Task<PermitLease> LeaseAsync(int wanted, CancellationToken cancellationToken = default);

    /// <summary>Gives back leased permits a front end did not spend; the bucket still holds no more than its burst.</summary>
    [Alias("Return")]
    Task ReturnAsync(int permits, CancellationToken cancellationToken = default);

    [Alias("GetLimit")]
    Task<TenantLimit> GetLimitAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the tenant's own limit; null returns it to the service default.</summary>
    [Alias("SetLimit")]
    Task<TenantLimit> SetLimitAsync(RateLimit? limit, CancellationToken cancellationToken = default);
}
