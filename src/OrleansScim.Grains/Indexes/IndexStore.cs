using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Directory;

namespace OrleansScim.Grains.Indexes;

/// <summary>
/// The tenant indexes, one storage record per indexed value (key <c>"{tenantKey}/{index}/{value}"</c>),
/// read and written straight through the silo's grain storage with ETag compare-and-set. A grain per
/// value would cost an activation (a few KB, kept for minutes) for every value ever touched, three per
/// user created; the records alone cost nothing while idle. Lookup and uniqueness stay one storage read
/// (plus one conditional write) whatever the tenant's size, and concurrent writers are serialized by the
/// storage's ETag check (<see cref="InconsistentStateException"/> means "someone else wrote first: read again").
/// </summary>
public sealed class IndexStore(IServiceProvider services, IGrainFactory grains)
{
    private const string StateName = "index";
    /// <summary>Enough for every writer of one value to win once even when dozens write at the same moment.</summary>
    private const int MaxAttempts = 64;
    private static readonly GrainType RecordType = GrainType.Create("scimindex");

    private IGrainStorage Storage => services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>
    /// Reserves a unique value for <paramref name="ownerId"/>. An existing owner is asked whether it still
    /// holds the value; a reservation whose owner never got written (a create that crashed), was deleted
    /// or moved to another value is reclaimed, so no name is blocked forever.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(string indexKey, string ownerId, CancellationToken cancellationToken = default)
    {
        if (await TryInsertAsync(indexKey, ownerId))
        {
            return new ClaimResult(true, ownerId);
        }

        for (var attempt = 1; ; attempt++)
        {
            var record = await ReadAsync(indexKey);
            var owners = record.State!.Owners;
            if (owners.Contains(ownerId))
            {
                return new ClaimResult(true, ownerId);
            }

            foreach (var owner in owners)
            {
                if (await OwnerStillHoldsAsync(indexKey, owner, cancellationToken))
                {
                    return new ClaimResult(false, owner);
                }
            }

            record.State!.Owners = new HashSet<string>(StringComparer.Ordinal) { ownerId };
            if (await TryWriteAsync(indexKey, record, attempt))
            {
                return new ClaimResult(true, ownerId);
            }
        }
    }

    /// <summary>Adds an owner to a non-unique value (externalId, emails).</summary>
    public async Task AddAsync(string indexKey, string ownerId)
    {
        if (!await TryInsertAsync(indexKey, ownerId))
        {
            await ChangeAsync(indexKey, owners => owners.Add(ownerId));
        }
    }

    public Task ReleaseAsync(string indexKey, string ownerId) => ChangeAsync(indexKey, owners => owners.Remove(ownerId));

    public async Task<IReadOnlyList<string>> GetOwnersAsync(string indexKey) => [.. (await ReadAsync(indexKey)).State!.Owners];

    private async Task ChangeAsync(string indexKey, Func<HashSet<string>, bool> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await ReadAsync(indexKey);
            if (!change(record.State!.Owners))
            {
                return;
            }

            if (await TryWriteAsync(indexKey, record, attempt))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Most values are new (every user created brings a new userName, externalId and email), so first try
    /// to create the record outright: a write without an ETag succeeds only if no record exists, which
    /// saves the read. False when one exists.
    /// </summary>
    private async Task<bool> TryInsertAsync(string indexKey, string ownerId)
    {
        try
        {
            var record = new GrainState<IndexState>(new IndexState { Owners = new HashSet<string>(StringComparer.Ordinal) { ownerId } });
            await Storage.WriteStateAsync(StateName, IdOf(indexKey), record);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private async Task<GrainState<IndexState>> ReadAsync(string indexKey)
    {
        var record = new GrainState<IndexState>(new IndexState());
        await Storage.ReadStateAsync(StateName, IdOf(indexKey), record);
        record.State ??= new IndexState();
        return record;
    }

    /// <summary>Writes (or deletes, when nobody owns the value) if nobody wrote since the read; false to retry.</summary>
    private async Task<bool> TryWriteAsync(string indexKey, GrainState<IndexState> record, int attempt)
    {
        try
        {
            if (record.State!.Owners.Count == 0)
            {
                if (record.RecordExists)
                {
                    await Storage.ClearStateAsync(StateName, IdOf(indexKey), record);
                }
            }
            else
            {
                await Storage.WriteStateAsync(StateName, IdOf(indexKey), record);
            }

            return true;
        }
        catch (InconsistentStateException) when (attempt < MaxAttempts)
        {
            // Another writer won this round; a short random pause spreads the next round out.
            await Task.Delay(Random.Shared.Next(0, Math.Min(20, 2 * attempt)));
            return false;
        }
    }

    private Task<bool> OwnerStillHoldsAsync(string indexKey, string ownerId, CancellationToken cancellationToken)
    {
        var tenantKey = GrainKeys.TenantKeyOf(indexKey);
        var index = indexKey[(tenantKey.Length + 1)..indexKey.LastIndexOf('/')];
        IIndexOwner owner = new TenantGrains(grains, tenantKey).Resource(IndexNames.IsUserIndex(index) ? ResourceTypeNames.User : ResourceTypeNames.Group, ownerId);
        return owner.HoldsIndexEntryAsync(indexKey, cancellationToken);
    }

    private static GrainId IdOf(string indexKey) => GrainId.Create(RecordType, indexKey);
}

[GenerateSerializer, Alias("scim.IndexState")]
public sealed class IndexState
{
    [Id(0)] public HashSet<string> Owners { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Immutable, Alias("scim.ClaimResult")]
public sealed record ClaimResult([property: Id(0)] bool Claimed, [property: Id(1)] string? HeldBy);
