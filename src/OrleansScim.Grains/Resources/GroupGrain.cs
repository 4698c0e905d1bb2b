using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

/// <summary>A group; it owns its member list, and tells each member when it joins or leaves.</summary>
public sealed class GroupGrain(
    [PersistentState("group", GrainStorage.Name)] IPersistentState<ResourceState> state,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    ILogger<GroupGrain> logger) : ResourceGrain(state, catalog, options, logger), IGroupGrain
{
    protected override string ResourceTypeName => ResourceTypeNames.Group;

    protected override string EndpointName => "Groups";

    public Task RemoveMemberAsync(string memberId, CancellationToken cancellationToken = default) =>
        ChangeAttributesAsync(attributes => GroupMembers.Remove(attributes, memberId), cancellationToken);

    public Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: true, cancellationToken);

    public Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: false, cancellationToken);

    protected override ResourceTypeDefinition ResourceTypeIn(ScimSchemaSet schemas) => schemas.Group;

    protected override IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes)
    {
        if (attributes.GetIgnoreCase("displayName") is JsonValue displayName && displayName.TryGetValue<string>(out var name))
        {
            yield return new IndexValue(IndexNames.GroupDisplayName, name.ToUpperInvariant(), Unique: true);
        }

        if (attributes.GetIgnoreCase("externalId") is JsonValue externalId && externalId.TryGetValue<string>(out var external))
        {
            yield return new IndexValue(IndexNames.GroupExternalId, external, Unique: false);
        }
    }

    /// <summary>RFC 7644 §3.5.2: 204 No Content unless the client asked for attributes (Azure AD expects 204 for groups).</summary>
    protected override int PatchSuccessStatus(ResourceRequest request) =>
        request.Attributes is null && request.ExcludedAttributes is null ? 204 : 200;

    protected override async Task<List<MembershipNotice>> PrepareChangeAsync(JsonObject? before, JsonObject after, CancellationToken cancellationToken)
    {
        GroupMembers.Deduplicate(after);
        var previous = before is null ? [] : GroupMembers.Read(before);
        var current = GroupMembers.Read(after);
        var notices = new List<MembershipNotice>();
        var added = current.Where(m => !previous.ContainsKey(m.Key)).ToList();
        foreach (var batch in added.Chunk(64))
        {
            var types = await Task.WhenAll(batch.Select(m => ResolveMemberTypeAsync(m.Key, m.Value.Type, cancellationToken)));
            for (var i = 0; i < batch.Length; i++)
            {
                var (memberId, member) = batch[i];
                var type = types[i] ?? throw ScimException.InvalidValue($"Member '{memberId}' does not exist.");
                member.Element["type"] = type;
                notices.Add(new MembershipNotice(memberId, type, NoticeKind.Joined));
            }
        }

        foreach (var (memberId, member) in previous)
        {
            if (!current.ContainsKey(memberId))
            {
                notices.Add(new MembershipNotice(memberId, member.Type ?? ResourceTypeNames.User, NoticeKind.Left));
            }
        }

        return notices;
    }

    protected override List<MembershipNotice> DeletionNotices()
    {
        var notices = GroupMembers.Read(Attributes)
            .Select(m => new MembershipNotice(m.Key, m.Value.Type ?? ResourceTypeNames.User, NoticeKind.Left))
            .ToList();
        notices.AddRange(State.MemberOf.Select(parent => new MembershipNotice(parent, ResourceTypeNames.Group, NoticeKind.MemberDeleted)));
        return notices;
    }

    /// <summary>A member vanished between validation and notice (deleted meanwhile): drop it from the group.</summary>
    protected override Task OnNoticeTargetMissingAsync(MembershipNotice notice, CancellationToken cancellationToken) =>
        notice.Kind == NoticeKind.Joined ? RemoveMemberAsync(notice.TargetId, cancellationToken) : Task.CompletedTask;

    private async Task<string?> ResolveMemberTypeAsync(string memberId, string? declaredType, CancellationToken cancellationToken)
    {
        if (memberId == ResourceId)
        {
            throw ScimException.InvalidValue("A group cannot be a member of itself.");
        }

        var key = GrainKeys.Resource(TenantKey, memberId);
        var tryGroupFirst = string.Equals(declaredType, ResourceTypeNames.Group, StringComparison.OrdinalIgnoreCase);
        IResourceGrain first = tryGroupFirst ? GrainFactory.GetGrain<IGroupGrain>(key) : GrainFactory.GetGrain<IUserGrain>(key);
        IResourceGrain second = tryGroupFirst ? GrainFactory.GetGrain<IUserGrain>(key) : GrainFactory.GetGrain<IGroupGrain>(key);
        if ((await first.GetSnapshotAsync(cancellationToken)).State != SnapshotState.Missing)
        {
            return tryGroupFirst ? ResourceTypeNames.Group : ResourceTypeNames.User;
        }

        if ((await second.GetSnapshotAsync(cancellationToken)).State != SnapshotState.Missing)
        {
            return tryGroupFirst ? ResourceTypeNames.User : ResourceTypeNames.Group;
        }

        return null;
    }
}
