using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Groups;
using OrleansScim.Grains.Resources;

namespace OrleansScim.Grains.Keys;

/// <summary>
/// The grains of one tenant incarnation, by what they are: the one place that knows which grain interface
/// serves which resource type and how its key is built (<see cref="GrainKeys"/>), instead of a "user or
/// group?" switch at every call site. References come from <see cref="GrainReferences"/> (no per-call
/// reflection on the request path).
/// </summary>
public readonly struct TenantGrains(IGrainFactory grains, string tenantKey)
{
    public string TenantKey => tenantKey;

    public IUserGrain User(string id) => GrainReferences.Get<IUserGrain>(grains, GrainKeys.Resource(tenantKey, id));

    public IGroupGrain Group(string id) => GrainReferences.Get<IGroupGrain>(grains, GrainKeys.Resource(tenantKey, id));

    /// <summary>The grain of a User (<see cref="ResourceTypeNames.User"/>) or else a Group.</summary>
    public IResourceGrain Resource(string resourceType, string id) =>
        resourceType == ResourceTypeNames.User ? User(id) : Group(id);

    /// <summary>The member buckets of a large group.</summary>
    public GroupMemberBuckets MemberBuckets(string groupId) => new(grains, tenantKey, groupId);

    public IDirectoryGrain Directory(string resourceType) =>
        GrainReferences.Get<IDirectoryGrain>(grains, GrainKeys.Directory(tenantKey, resourceType));

    public IDirectorySegmentGrain Segment(string resourceType, long segment) =>
        GrainReferences.Get<IDirectorySegmentGrain>(grains, GrainKeys.Segment(tenantKey, resourceType, segment));
}
