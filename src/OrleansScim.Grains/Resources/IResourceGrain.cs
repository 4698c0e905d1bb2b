using Orleans.Concurrency;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Indexes;

namespace OrleansScim.Grains.Resources;

/// <summary>One SCIM resource of one tenant (key <c>"{tenantKey}/{id}"</c>); every change to it happens here, one at a time.</summary>
[Alias("scim.IResourceGrain")]
public interface IResourceGrain : IIndexOwner
{
    [Alias("Create")]
    Task<ResourceResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken = default);

    [ReadOnly, Alias("Get")]
    Task<ResourceResult> GetAsync(ResourceRequest request, CancellationToken cancellationToken = default);

    [Alias("Replace")]
    Task<ResourceResult> ReplaceAsync(ResourceRequest request, CancellationToken cancellationToken = default);

    [Alias("Patch")]
    Task<ResourceResult> PatchAsync(ResourceRequest request, CancellationToken cancellationToken = default);

    [Alias("Delete")]
    Task<ResourceResult> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The committed representation, for directory segments checking their entries and for lookups.
    /// Interleaved because a segment may ask while this grain is waiting on that segment.
    /// </summary>
    [ReadOnly, AlwaysInterleave, Alias("GetSnapshot")]
    Task<ResourceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether this resource exists (committed, or being written right now), without composing its
    /// representation: all a group needs to know of each member it adds. Interleaved like <see cref="GetSnapshotAsync"/>.
    /// </summary>
    [ReadOnly, AlwaysInterleave, Alias("Exists")]
    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Ids of the groups this resource is a direct member of.</summary>
    [ReadOnly, AlwaysInterleave, Alias("GetGroupIds")]
    Task<IReadOnlyList<string>> GetGroupIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves this resource's index entries to the current key scheme if they are older (it also happens on
    /// activation); the admin API's reindex calls it for every resource of a tenant.
    /// </summary>
    [Alias("EnsureIndexed")]
    Task EnsureIndexedAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the resource without notifying anyone (its whole tenant is being deleted).</summary>
    [Alias("Purge")]
    Task PurgeAsync(CancellationToken cancellationToken = default);
}

[Alias("scim.IUserGrain")]
public interface IUserGrain : IResourceGrain
{
    /// <summary>
    /// A group added this user. Interleaved (and serialized inside the grain) because the group may be
    /// waiting on this user while this user waits on the group, e.g. a delete crossing a member PATCH.
    /// Returns false when the user does not exist.
    /// </summary>
    [AlwaysInterleave, Alias("JoinGroup")]
    Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default);

    [AlwaysInterleave, Alias("LeaveGroup")]
    Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default);
}

[Alias("scim.IGroupGrain")]
public interface IGroupGrain : IResourceGrain
{
    /// <summary>A member was deleted; interleaved for the same reason as <see cref="IUserGrain.JoinGroupAsync"/>.</summary>
    [AlwaysInterleave, Alias("RemoveMember")]
    Task RemoveMemberAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>This group became a member of another group (nested groups).</summary>
    [AlwaysInterleave, Alias("JoinGroup")]
    Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default);

    [AlwaysInterleave, Alias("LeaveGroup")]
    Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The group's members, or only those of <paramref name="onlyIds"/> that are members (one bucket call
    /// per id for a large group). Interleaved: it only reads, and queries ask while the group may be busy.
    /// </summary>
    [ReadOnly, AlwaysInterleave, Alias("GetMembers")]
    Task<IReadOnlyList<Groups.GroupMember>> GetMembersAsync(IReadOnlyList<string>? onlyIds = null, CancellationToken cancellationToken = default);
}

/// <summary>The persisted state of a user or group.</summary>
[GenerateSerializer, Alias("scim.ResourceState")]
public sealed class ResourceState
{
    /// <summary>The canonical attributes as JSON (no id, meta, schemas or service-computed attributes).</summary>
    [Id(0)] public string? Attributes { get; set; }

    [Id(1)] public DateTimeOffset Created { get; set; }

    [Id(2)] public DateTimeOffset LastModified { get; set; }

    [Id(3)] public long Version { get; set; }

    /// <summary>
    /// The directory position. No initializer: the Orleans serializer omits default values, so a
    /// non-default initializer would turn a stored 0 (every tenant's first resource) into that value
    /// when the state is read back.
    /// </summary>
    [Id(4)] public long Sequence { get; set; }

    /// <summary>Groups this resource is a direct member of (the user's readOnly "groups").</summary>
    [Id(5)] public HashSet<string> MemberOf { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Membership notices that may not have been delivered yet (replayed on activation).</summary>
    [Id(6)] public List<MembershipNotice> PendingNotices { get; set; } = [];

    /// <summary>
    /// For a group whose members outgrew its own state: the member buckets that ever held a member.
    /// Null while the members are kept inline in <see cref="Attributes"/>.
    /// </summary>
    [Id(7)] public HashSet<int>? MemberBuckets { get; set; }

    /// <summary>
    /// The index key scheme this resource's entries are under: 0 (stored before there was a version) is
    /// upper-cased, readable keys; <see cref="IndexMigration.CurrentVersion"/> is normalized, hashed keys.
    /// </summary>
    [Id(8)] public int IndexVersion { get; set; }
}

/// <summary>What a membership notice tells its target.</summary>
[GenerateSerializer, Alias("scim.NoticeKind")]
public enum NoticeKind
{
    /// <summary>To a member: you joined the sending group.</summary>
    Joined,

    /// <summary>To a member: you left the sending group.</summary>
    Left,

    /// <summary>To a group: the sending member was deleted.</summary>
    MemberDeleted,

    /// <summary>To the sending large group itself: tell every member in its buckets that it left, then empty them.</summary>
    AllMembersLeft,
}

/// <summary>A membership change to tell another resource about (it keeps the other side of the relation).</summary>
[GenerateSerializer, Immutable, Alias("scim.MembershipNotice")]
public sealed record MembershipNotice(
    [property: Id(0)] string TargetId,
    [property: Id(1)] string TargetType,
    [property: Id(2)] NoticeKind Kind,
    [property: Id(3)] string? Display = null);
