using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Membership;
using OrleansScim.Grains.Resources.Kinds;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Grains.Resources;

/// <summary>A user: no member list of its own; it keeps the groups it is a direct member of.</summary>
public sealed class UserGrain(
    [PersistentState("user", GrainStorage.Name)] IPersistentState<ResourceState> state,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<UserGrain> logger)
    : ResourceGrain(state, UserKind.Instance, parts => new NoMemberList(parts.Outbox), catalog, options, time, logger), IUserGrain
{
    public Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: true, cancellationToken);

    public Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: false, cancellationToken);
}
