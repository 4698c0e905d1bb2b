using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Resources;

/// <summary>
/// One resource's persisted state and the gate every write to it goes through. The grain is not
/// reentrant, but membership notices and read-only checks from other grains interleave; they write under
/// the same gate, which is never held across a call to another grain.
/// </summary>
#pragma warning disable CA1001 // SemaphoreSlim only needs disposing when its AvailableWaitHandle is used, which it never is here.
public sealed class ResourceRecord(IPersistentState<ResourceState> state, TimeProvider time)
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JsonObject? _attributes;

    /// <summary>Called whenever the committed attributes change (cached representations are then stale).</summary>
    public Action? AttributesChanged { get; set; }

    public bool Exists => state.State.Attributes is not null;

    /// <summary>
    /// A create or delete is between its first step and its last: checks from other grains (does it exist,
    /// does it hold this index entry, its snapshot) must see it as there, not as missing.
    /// </summary>
    public bool WriteInProgress { get; set; }

    public ResourceState State => state.State;

    /// <summary>Counts attribute changes, so a request can tell that a notice changed them while it waited.</summary>
    public long Revision { get; private set; }

    /// <summary>
    /// The committed attributes; only valid while <see cref="Exists"/>. Parsed from the state on first use
    /// and dropped again once a request is done (<see cref="ReleaseParsedAttributes"/>), so an idle
    /// activation holds only its stored JSON.
    /// </summary>
    public JsonObject Attributes => _attributes ??= ScimJson.ParseTrusted(state.State.Attributes!);

    /// <summary>The committed attributes without keeping a parsed copy (for a read that interleaves).</summary>
    public JsonObject AttributesUncached => _attributes ?? ScimJson.ParseTrusted(state.State.Attributes!);

    /// <summary>Drops the parsed attributes: thousands of idle activations then hold their stored JSON only, not a tree of nodes each.</summary>
    public void ReleaseParsedAttributes() => _attributes = null;

    /// <summary>Holds the gate until disposed.</summary>
    public async Task<GateLease> LockAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new GateLease(_gate);
    }

    /// <summary>Writes a new resource; the caller holds the gate.</summary>
    public async Task WriteNewAsync(JsonObject attributes, ResourceState created, CancellationToken cancellationToken)
    {
        state.State = created;
        await state.WriteStateAsync(cancellationToken);
        SetAttributes(attributes);
    }

    /// <summary>Writes new attributes as a new version with these notices pending; the caller holds the gate.</summary>
    public async Task CommitAsync(JsonObject attributes, List<MembershipNotice> notices, Action<ResourceState, IReadOnlyList<MembershipNotice>> alsoChange, CancellationToken cancellationToken)
    {
        state.State.Attributes = ScimJson.Serialize(attributes);
        state.State.Version++;
        state.State.LastModified = time.GetUtcNow();
        state.State.PendingNotices = [.. state.State.PendingNotices, .. notices];
        alsoChange(state.State, notices);
        await state.WriteStateAsync(cancellationToken);
        SetAttributes(attributes);
    }

    /// <summary>Changes the committed attributes for a membership notice (a new version if <paramref name="change"/> changed them).</summary>
    public Task<RecordChange> ChangeAttributesAsync(Func<JsonObject, bool> change, Action<ResourceState, IReadOnlyList<MembershipNotice>> alsoChange, CancellationToken cancellationToken) =>
        ChangeIfExistsAsync(
            async () =>
            {
                var updated = (JsonObject)Attributes.DeepClone();
                if (!change(updated))
                {
                    return false;
                }

                await CommitAsync(updated, [], alsoChange, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>Adds or removes a group this resource is a direct member of (a new version if that changed anything).</summary>
    public Task<RecordChange> ChangeMemberOfAsync(string groupId, bool joined, CancellationToken cancellationToken) =>
        ChangeIfExistsAsync(
            async () =>
            {
                if (!(joined ? state.State.MemberOf.Add(groupId) : state.State.MemberOf.Remove(groupId)))
                {
                    return false;
                }

                state.State.Version++;
                state.State.LastModified = time.GetUtcNow();
                await state.WriteStateAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>Replaces the committed attributes without a new version (the representation is unchanged), e.g. when a group moves its members out.</summary>
    public async Task RestoreAttributesAsync(JsonObject attributes, Action<ResourceState> alsoChange, CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
        {
            state.State.Attributes = ScimJson.Serialize(attributes);
            alsoChange(state.State);
            await state.WriteStateAsync(cancellationToken);
            SetAttributes(attributes);
        }
    }

    /// <summary>
    /// Deletes the resource. With notices still to deliver a tombstone keeps them (and the member buckets),
    /// so no group keeps a deleted member; the caller holds the gate.
    /// </summary>
    public async Task DeleteAsync(List<MembershipNotice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            await state.ClearStateAsync(cancellationToken);
        }
        else
        {
            state.State = new ResourceState { PendingNotices = notices, Sequence = state.State.Sequence, MemberBuckets = state.State.MemberBuckets };
            await state.WriteStateAsync(cancellationToken);
        }

        SetAttributes(null);
    }

    /// <summary>Removes the state without a trace (the tenant is being purged).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
        {
            await state.ClearStateAsync(cancellationToken);
            SetAttributes(null);
        }
    }

    /// <summary>Forgets delivered notices; a tombstone with nothing left to deliver goes.</summary>
    public async Task RemoveDeliveredAsync(IReadOnlyCollection<MembershipNotice> delivered, CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
        {
            state.State.PendingNotices.RemoveAll(delivered.Contains);
            if (!Exists && state.State.PendingNotices.Count == 0)
            {
                await state.ClearStateAsync(cancellationToken);
            }
        }
    }

    /// <summary>Records the index key scheme the resource's entries are under.</summary>
    public async Task SetIndexVersionAsync(int version, CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
        {
            state.State.IndexVersion = version;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> (true: it wrote) under the gate if the resource exists, checked again
    /// once the gate is held: a delete may have run while the notice waited for it.
    /// </summary>
    private async Task<RecordChange> ChangeIfExistsAsync(Func<Task<bool>> change, CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return RecordChange.Missing;
        }

        using (await LockAsync(cancellationToken))
        {
            if (!Exists)
            {
                return RecordChange.Missing;
            }

            return await change() ? RecordChange.Changed : RecordChange.Unchanged;
        }
    }

    private void SetAttributes(JsonObject? attributes)
    {
        _attributes = attributes;
        Revision++;
        AttributesChanged?.Invoke();
    }

    /// <summary>Releases the gate when disposed.</summary>
    public readonly struct GateLease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

/// <summary>What a change asked of a <see cref="ResourceRecord"/> did.</summary>
public enum RecordChange
{
    /// <summary>The resource does not exist.</summary>
    Missing,

    /// <summary>It exists and already was as asked.</summary>
    Unchanged,

    /// <summary>It was changed and written.</summary>
    Changed,
}
