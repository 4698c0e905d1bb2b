using OrleansScim.Grains.Contracts;

namespace OrleansScim.Grains.Search;

/// <summary>RFC 7644 §3.4.3 <c>POST {base}/.search</c>: one query over all of a tenant's resource types.</summary>
[Alias("scim.IRootSearchGrain")]
public interface IRootSearchGrain : IGrainWithIntegerKey
{
    [Alias("Search")]
    Task<ListResult> SearchAsync(string tenantKey, ListRequest request, CancellationToken cancellationToken = default);
}
