using OrleansScim.Grains.Hosting;

namespace OrleansScim.Grains.Groups;

public sealed class GroupMemberBucketGrain(
    [PersistentState("members", GrainStorage.Name)] IPersistentState<GroupMemberBucketState> state) : Grain, IGroupMemberBucketGrain
{
    private readonly QuietDeactivation _quietDeactivation = new();

    public async Task AddAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken = default)
    {
        var changed = false;
        foreach (var member in members)
        {
            if (!state.State.Members.TryGetValue(member.Id, out var known) || known != member)
            {
                state.State.Members[member.Id] = member;
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task RemoveAsync(IReadOnlyList<string> memberIds, CancellationToken cancellationToken = default)
    {
        var changed = false;
        foreach (var id in memberIds)
        {
            changed |= state.State.Members.Remove(id);
        }

        if (changed)
        {
            await SaveAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<GroupMember>> GetAsync(IReadOnlyList<string>? onlyIds = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<GroupMember> result = onlyIds is null
            ? [.. state.State.Members.Values]
            : [.. onlyIds.Select(id => state.State.Members.GetValueOrDefault(id)).OfType<GroupMember>()];
        return Task.FromResult(result);
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        state.State.Members.Clear();
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (state.State.Members.Count == 0)
        {
            if (state.RecordExists)
            {
                await state.ClearStateAsync(cancellationToken);
            }

            _quietDeactivation.Request(this, () => state.State.Members.Count == 0);
            return;
        }

        await state.WriteStateAsync(cancellationToken);
    }
}

[GenerateSerializer, Alias("scim.GroupMemberBucketState")]
public sealed class GroupMemberBucketState
{
    [Id(0)] public Dictionary<string, GroupMember> Members { get; set; } = new(StringComparer.Ordinal);
}
