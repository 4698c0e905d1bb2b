using Orleans.Concurrency;

namespace OrleansScim.Grains.Groups;

/// <summary>
/// A slice of a large group's members (key <c>"{tenantKey}/{groupId}/{bucket}"</c>): members map to one of
/// <see cref="GroupMemberBuckets.Count"/> buckets by a stable hash of their id, so adding or removing a
/// member rewrites one small slice, never the whole list.
/// </summary>
[Alias("scim.IGroupMemberBucketGrain")]
public interface IGroupMemberBucketGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken = default);

    [Alias("Remove")]
    Task RemoveAsync(IReadOnlyList<string> memberIds, CancellationToken cancellationToken = default);

    /// <summary>The members, or only those of <paramref name="onlyIds"/> that are members.</summary>
    [ReadOnly, Alias("Get")]
    Task<IReadOnlyList<GroupMember>> GetAsync(IReadOnlyList<string>? onlyIds = null, CancellationToken cancellationToken = default);

    [Alias("Clear")]
    Task ClearAsync(CancellationToken cancellationToken = default);
}
