using System.Text.Json.Nodes;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Membership;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Groups;

/// <summary>
/// A group's member list. Small groups keep their members inline, in their attributes. Past
/// <see cref="Hosting.ScimGrainOptions.InlineGroupMemberLimit"/> the members move to member buckets
/// (<see cref="GroupMemberBuckets"/>): member changes then write only the buckets involved, and the list is
/// read only when a response or a filter needs it.
/// </summary>
public sealed class GroupMemberList(ResourceParts parts) : IMemberList
{
    private readonly NewMembers _newMembers = new(parts.Tenant, parts.ResourceId, parts.Logger);

    public bool HasExternalMembers => parts.Record.Exists && Bucketed;

    private ResourceRecord Record => parts.Record;

    private bool Bucketed => Record.State.MemberBuckets is not null;

    private GroupMemberBuckets Buckets => parts.Tenant.MemberBuckets(parts.ResourceId);

    public Task<List<MembershipNotice>> PrepareCreateAsync(JsonObject attributes, InputRules rules, CancellationToken cancellationToken) =>
        PrepareInlineAsync(null, attributes, rules, cancellationToken);

    public async Task<(JsonObject After, List<MembershipNotice> Notices)> ComputeChangeAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, ResourceChange change, CancellationToken cancellationToken)
    {
        if (!Bucketed)
        {
            var after = ResourceUpdate.Apply(before, change.IsPatch, change.Body, type, rules);
            return (after, await PrepareInlineAsync(before, after, rules, cancellationToken));
        }

        return change.IsPatch
            ? await BucketedPatchAsync(type, rules, before, change.Body, cancellationToken)
            : await BucketedReplacementAsync(type, rules, before, change.Body, cancellationToken);
    }

    public List<MembershipNotice> DeletionNotices() => Bucketed
        ? [new MembershipNotice(parts.ResourceId, ResourceTypeNames.Group, NoticeKind.AllMembersLeft)]
        : [.. GroupMembers.Read(Record.Attributes).Select(m => new MembershipNotice(m.Key, m.Value.Type ?? ResourceTypeNames.User, NoticeKind.Left))];

    /// <summary>The buckets a commit's new members go to are recorded with the commit, so a restart finds them.</summary>
    public void OnCommitting(ResourceState committing, IReadOnlyList<MembershipNotice> notices)
    {
        if (committing.MemberBuckets is null)
        {
            return;
        }

        foreach (var notice in notices.Where(n => n.Kind == NoticeKind.Joined))
        {
            committing.MemberBuckets.Add(GroupMemberBuckets.BucketOf(notice.TargetId));
        }
    }

    public async Task<bool> DeliverAsync(MembershipNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Kind == NoticeKind.AllMembersLeft)
        {
            await AllMembersLeaveAsync(cancellationToken);
            return true;
        }

        // Also for a deleted large group (a tombstone keeps its buckets until its notices are delivered).
        if (Bucketed)
        {
            var bucket = Buckets.BucketFor(notice.TargetId);
            if (notice.Kind == NoticeKind.Joined)
            {
                await bucket.AddAsync([new GroupMember(notice.TargetId, notice.TargetType, notice.Display)], cancellationToken);
            }
            else if (notice.Kind == NoticeKind.Left)
            {
                await bucket.RemoveAsync([notice.TargetId], cancellationToken);
            }

            parts.Responses.Clear();
        }

        return await parts.Outbox.SendAsync(notice, cancellationToken);
    }

    /// <summary>A member vanished between validation and notice (deleted meanwhile): drop it from the group.</summary>
    public Task OnTargetMissingAsync(MembershipNotice notice, CancellationToken cancellationToken) =>
        notice.Kind == NoticeKind.Joined ? RemoveAsync(notice.TargetId, cancellationToken) : Task.CompletedTask;

    /// <summary>Removes a member (it was deleted); the group publishes its new representation if it changed.</summary>
    public async Task RemoveAsync(string memberId, CancellationToken cancellationToken)
    {
        if (Bucketed)
        {
            await Buckets.BucketFor(memberId).RemoveAsync([memberId], cancellationToken);
            parts.Responses.Clear();
            return;
        }

        if (await Record.ChangeAttributesAsync(attributes => GroupMembers.Remove(attributes, memberId), OnCommitting, cancellationToken) == RecordChange.Changed)
        {
            await parts.PublishAsync(cancellationToken);
        }
    }

    /// <summary>The members, or only those of <paramref name="onlyIds"/> that are members (one bucket call per id for a large group).</summary>
    public async Task<IReadOnlyList<GroupMember>> GetAsync(IReadOnlyList<string>? onlyIds, CancellationToken cancellationToken)
    {
        if (!Record.Exists)
        {
            return [];
        }

        if (Bucketed)
        {
            return onlyIds is null
                ? await Buckets.GetAllAsync(Record.State.MemberBuckets!, cancellationToken)
                : await Buckets.FindAsync(onlyIds, cancellationToken);
        }

        var inline = GroupMembers.Read(Record.Attributes).Select(m => new GroupMember(m.Key, m.Value.Type ?? ResourceTypeNames.User, GroupMember.DisplayOf(m.Value.Element)));
        return onlyIds is null ? [.. inline] : [.. inline.Where(m => onlyIds.Contains(m.Id))];
    }

    /// <summary>Moves a member list that outgrew the inline limit into buckets; the buckets are written first, so a crash leaves the inline list in charge.</summary>
    public async Task AfterChangeAsync(CancellationToken cancellationToken)
    {
        if (!Record.Exists || Bucketed)
        {
            return;
        }

        var members = GroupMembers.Read(Record.Attributes);
        if (members.Count <= parts.Options.InlineGroupMemberLimit)
        {
            return;
        }

        var byBucket = members.Values
            .Select(m => new GroupMember(m.Element["value"]!.GetValue<string>(), m.Type ?? ResourceTypeNames.User, GroupMember.DisplayOf(m.Element)))
            .GroupBy(m => GroupMemberBuckets.BucketOf(m.Id))
            .ToList();
        foreach (var batch in byBucket.Chunk(64))
        {
            await Task.WhenAll(batch.Select(g => Buckets.Bucket(g.Key).AddAsync([.. g], cancellationToken)));
        }

        var withoutMembers = (JsonObject)Record.Attributes.DeepClone();
        withoutMembers.RemoveIgnoreCase("members");
        await Record.RestoreAttributesAsync(withoutMembers, s => s.MemberBuckets = [.. byBucket.Select(g => g.Key)], cancellationToken);
    }

    public async Task AddExternalMembersAsync(JsonObject document, CancellationToken cancellationToken)
    {
        var members = await Buckets.GetAllAsync(Record.State.MemberBuckets!, cancellationToken);
        if (members.Count == 0)
        {
            return;
        }

        var meta = document["meta"];
        document.Remove("meta");
        document["members"] = new JsonArray([.. members.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => (JsonNode)m.ToJson())]);
        document["meta"] = meta;
    }

    public Task PurgeAsync(CancellationToken cancellationToken) =>
        Record.State.MemberBuckets is { } occupied ? Buckets.ClearAsync(occupied, cancellationToken) : Task.CompletedTask;

    /// <summary>Deleting a large group: each bucket's members are told, then the bucket is emptied (repeatable after a crash).</summary>
    private async Task AllMembersLeaveAsync(CancellationToken cancellationToken)
    {
        foreach (var bucketIndex in Record.State.MemberBuckets ?? [])
        {
            var bucket = Buckets.Bucket(bucketIndex);
            var members = await bucket.GetAsync(null, cancellationToken);
            foreach (var batch in members.Chunk(64))
            {
                await Task.WhenAll(batch.Select(m => parts.Outbox.SendAsync(new MembershipNotice(m.Id, m.Type, NoticeKind.Left), cancellationToken)));
            }

            await bucket.ClearAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Inline members: diff the member lists, check that new members exist, notice both sides. Members that
    /// do not exist are dropped from <paramref name="after"/> under tolerant input (strict refuses them).
    /// </summary>
    private async Task<List<MembershipNotice>> PrepareInlineAsync(JsonObject? before, JsonObject after, InputRules rules, CancellationToken cancellationToken)
    {
        GroupMembers.Deduplicate(after);
        var previous = before is null ? [] : GroupMembers.Read(before);
        var current = GroupMembers.Read(after);
        var added = current.Where(m => !previous.ContainsKey(m.Key)).Select(m => m.Value.Element).ToList();
        var removed = previous.Where(m => !current.ContainsKey(m.Key)).Select(m => new GroupMember(m.Key, m.Value.Type ?? ResourceTypeNames.User));
        var (notices, missing) = await _newMembers.NoticesAsync(added, removed, rules, cancellationToken);
        foreach (var id in missing)
        {
            GroupMembers.Remove(after, id);
        }

        return notices;
    }

    private async Task<(JsonObject After, List<MembershipNotice> Notices)> BucketedReplacementAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, JsonObject body, CancellationToken cancellationToken)
    {
        var replacement = ResourceUpdate.Replacement(before, body, type, rules);
        GroupMembers.Deduplicate(replacement);
        var wanted = GroupMembers.Read(replacement);
        replacement.RemoveIgnoreCase("members");
        var existing = await Buckets.GetAllAsync(Record.State.MemberBuckets!, cancellationToken);
        var existingIds = existing.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var (notices, _) = await _newMembers.NoticesAsync(
            [.. wanted.Where(m => !existingIds.Contains(m.Key)).Select(m => m.Value.Element)],
            existing.Where(m => !wanted.ContainsKey(m.Id)),
            rules,
            cancellationToken);
        return (replacement, notices);
    }

    /// <summary>Member operations are worked out against the buckets, the rest against the attributes.</summary>
    private async Task<(JsonObject After, List<MembershipNotice> Notices)> BucketedPatchAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, JsonObject body, CancellationToken cancellationToken)
    {
        var steps = PatchPlanner.Plan(PatchRequestParser.Parse(body), type, before, rules);
        var memberSteps = steps.Where(s => s.Target.IsCoreAttribute("members")).ToList();
        var after = PatchEngine.Apply(before, steps.Where(s => !s.Target.IsCoreAttribute("members")), type, rules);
        var (adds, removes) = await MemberChangesAsync(memberSteps, type, rules, before, cancellationToken);
        var (notices, _) = await _newMembers.NoticesAsync(adds, removes, rules, cancellationToken);
        return (after, notices);
    }

    /// <summary>The members to add and those to remove: from the plan when there is one (reading only the buckets it names), else from the whole list.</summary>
    private async Task<(IReadOnlyCollection<JsonObject> Adds, List<GroupMember> Removes)> MemberChangesAsync(
        List<PatchStep> steps, ResourceTypeDefinition type, InputRules rules, JsonObject before, CancellationToken cancellationToken)
    {
        if (MemberPatchPlan.TryCreate(steps, type, rules) is not { } plan)
        {
            return await MemberChangesFromFullListAsync(steps, type, rules, before, cancellationToken);
        }

        if (plan.RemovesAllCurrent)
        {
            var current = await Buckets.GetAllAsync(Record.State.MemberBuckets!, cancellationToken);
            return (plan.Adds, [.. current.Where(m => plan.Leaves(m.Id))]);
        }

        return (plan.Adds, plan.Removes.Count == 0 ? [] : await Buckets.FindAsync(plan.Removes, cancellationToken));
    }

    private async Task<(IReadOnlyCollection<JsonObject> Adds, List<GroupMember> Removes)> MemberChangesFromFullListAsync(
        List<PatchStep> steps, ResourceTypeDefinition type, InputRules rules, JsonObject before, CancellationToken cancellationToken)
    {
        var current = await Buckets.GetAllAsync(Record.State.MemberBuckets!, cancellationToken);
        var document = new JsonObject
        {
            ["displayName"] = before.GetIgnoreCase("displayName")?.DeepClone(),
            ["members"] = new JsonArray([.. current.Select(m => (JsonNode)m.ToJson())]),
        };
        var after = GroupMembers.Read(PatchEngine.Apply(document, steps, type, rules));
        var beforeIds = current.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return ([.. after.Where(m => !beforeIds.Contains(m.Key)).Select(m => m.Value.Element)], [.. current.Where(m => !after.ContainsKey(m.Id))]);
    }
}
