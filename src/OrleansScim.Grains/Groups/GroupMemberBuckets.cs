using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Groups;

/// <summary>The member buckets of one large group.</summary>
public sealed class GroupMemberBuckets(IGrainFactory grains, string tenantKey, string groupId)
{
    /// <summary>Fixed forever: changing it would move members to other buckets.</summary>
    public const int Count = 1024;

    public static int BucketOf(string memberId) => (int)(StableHash.Of(memberId) % Count);

    public IGroupMemberBucketGrain Bucket(int bucket) =>
        GrainReferences.Get<IGroupMemberBucketGrain>(grains, GrainKeys.Resource(tenantKey, groupId) + "/" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IGroupMemberBucketGrain BucketFor(string memberId) => Bucket(BucketOf(memberId));

    /// <summary>Every member, from the buckets that ever held one.</summary>
    public async Task<List<GroupMember>> GetAllAsync(IEnumerable<int> occupied, CancellationToken cancellationToken)
    {
        var members = new List<GroupMember>();
        foreach (var batch in occupied.Chunk(64))
        {
            var slices = await Task.WhenAll(batch.Select(b => Bucket(b).GetAsync(null, cancellationToken)));
            foreach (var slice in slices)
            {
                members.AddRange(slice);
            }
        }

        return members;
    }

    /// <summary>Which of <paramref name="memberIds"/> are members: one call per bucket involved.</summary>
    public async Task<List<GroupMember>> FindAsync(IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        var byBucket = memberIds.Distinct(StringComparer.Ordinal).GroupBy(BucketOf).ToList();
        var found = await Task.WhenAll(byBucket.Select(g => Bucket(g.Key).GetAsync([.. g], cancellationToken)));
        return [.. found.SelectMany(f => f)];
    }

    public async Task ClearAsync(IEnumerable<int> occupied, CancellationToken cancellationToken)
    {
        foreach (var batch in occupied.Chunk(64))
        {
            await Task.WhenAll(batch.Select(b => Bucket(b).ClearAsync(cancellationToken)));
        }
    }
}
