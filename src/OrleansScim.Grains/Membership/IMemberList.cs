using System.Text.Json.Nodes;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Membership;

/// <summary>
/// A resource's own member list: a group's (inline in its attributes, or in member buckets once large) or
/// a user's (none). The resource grain asks it what a change does to members and tells it about commits;
/// the other side of each membership (a member's "groups") is kept by <see cref="MembershipOutbox"/> notices.
/// </summary>
public interface IMemberList
{
    /// <summary>Whether the representation's members live outside the attributes (a large group).</summary>
    bool HasExternalMembers { get; }

    /// <summary>Checks the members of a new resource (they must exist) and returns the notices for them.</summary>
    Task<List<MembershipNotice>> PrepareCreateAsync(JsonObject attributes, InputRules rules, CancellationToken cancellationToken);

    /// <summary>The attributes a PUT or PATCH leads to and the membership notices it implies.</summary>
    Task<(JsonObject After, List<MembershipNotice> Notices)> ComputeChangeAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, ResourceChange change, CancellationToken cancellationToken);

    /// <summary>Notices to the resource's members when it is deleted.</summary>
    List<MembershipNotice> DeletionNotices();

    /// <summary>Adjusts the state about to be written with these notices (a large group records the buckets it uses).</summary>
    void OnCommitting(ResourceState committing, IReadOnlyList<MembershipNotice> notices);

    /// <summary>Delivers one of the resource's own pending notices; false when its target does not exist.</summary>
    Task<bool> DeliverAsync(MembershipNotice notice, CancellationToken cancellationToken);

    /// <summary>A notice's target did not exist (e.g. a member deleted meanwhile).</summary>
    Task OnTargetMissingAsync(MembershipNotice notice, CancellationToken cancellationToken);

    /// <summary>Runs after a change and its notices are done (a group moves a grown member list to buckets).</summary>
    Task AfterChangeAsync(CancellationToken cancellationToken);

    /// <summary>Adds externally kept members to a composed representation.</summary>
    Task AddExternalMembersAsync(JsonObject document, CancellationToken cancellationToken);

    /// <summary>Removes what the list keeps outside the resource's state (its tenant is being purged).</summary>
    Task PurgeAsync(CancellationToken cancellationToken);
}

/// <summary>What a PUT or PATCH asks for: a whole new representation or a PatchOp body.</summary>
public sealed record ResourceChange(bool IsPatch, JsonObject Body);
