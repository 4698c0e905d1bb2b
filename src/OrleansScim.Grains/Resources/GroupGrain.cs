using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Groups;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Resources.Kinds;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Grains.Resources;

/// <summary>A group; it owns its member list (<see cref="GroupMemberList"/>) and tells each member when it joins or leaves.</summary>
public sealed class GroupGrain(
    [PersistentState("group", GrainStorage.Name)] IPersistentState<ResourceState> state,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<GroupGrain> logger)
    : ResourceGrain(state, GroupKind.Instance, parts => new GroupMemberList(parts), catalog, options, time, logger), IGroupGrain
{
    private GroupMemberList Members => (GroupMemberList)Parts.Members;

    public Task RemoveMemberAsync(string memberId, CancellationToken cancellationToken = default) =>
        Members.RemoveAsync(memberId, cancellationToken);

    public Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: true, cancellationToken);

    public Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: false, cancellationToken);

    public Task<IReadOnlyList<GroupMember>> GetMembersAsync(IReadOnlyList<string>? onlyIds = null, CancellationToken cancellationToken = default) =>
        Members.GetAsync(onlyIds, cancellationToken);
}
