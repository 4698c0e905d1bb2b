using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;

namespace OrleansScim.Grains.Indexes;

public sealed class IndexGrain([PersistentState("index", GrainStorage.Name)] IPersistentState<IndexState> state) : Grain, IIndexGrain
{
    public async Task<ClaimResult> ClaimAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var owners = state.State.Owners;
        if (owners.Contains(ownerId))
        {
            return new ClaimResult(true, ownerId);
        }

        foreach (var owner in owners.ToList())
        {
            if (await OwnerStillHoldsAsync(owner, cancellationToken))
            {
                return new ClaimResult(false, owner);
            }

            // Stale reservation: the owner crashed before writing itself, was deleted, or changed the value.
            owners.Remove(owner);
        }

        owners.Add(ownerId);
        await state.WriteStateAsync(cancellationToken);
        return new ClaimResult(true, ownerId);
    }

    public async Task AddAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        if (state.State.Owners.Add(ownerId))
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task ReleaseAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Owners.Remove(ownerId))
        {
            return;
        }

        if (state.State.Owners.Count == 0)
        {
            await state.ClearStateAsync(cancellationToken);
            DeactivateOnIdle();
        }
        else
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<string>> GetOwnersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Owners]);

    private Task<bool> OwnerStillHoldsAsync(string ownerId, CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var tenantKey = GrainKeys.TenantKeyOf(key);
        var index = key[(tenantKey.Length + 1)..key.LastIndexOf('/')];
        var ownerKey = GrainKeys.Resource(tenantKey, ownerId);
        IIndexOwner owner = IndexNames.IsUserIndex(index)
            ? GrainReferences.Get<IUserGrain>(GrainFactory, ownerKey)
            : GrainReferences.Get<IGroupGrain>(GrainFactory, ownerKey);
        return owner.HoldsIndexEntryAsync(key, cancellationToken);
    }
}

[GenerateSerializer, Alias("scim.IndexState")]
public sealed class IndexState
{
    [Id(0)] public HashSet<string> Owners { get; set; } = new(StringComparer.Ordinal);
}
