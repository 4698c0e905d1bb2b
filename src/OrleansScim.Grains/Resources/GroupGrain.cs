using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Groups;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

/// <summary>
/// A group; it owns its member list and tells each member when it joins or leaves. Small groups keep
/// their members in their own state. Past <see cref="ScimGrainOptions.InlineGroupMemberLimit"/> the
/// members move to member buckets (<see cref="GroupMemberBuckets"/>): member changes then write only the
/// buckets involved, and the list is read only when a response or a filter needs it.
/// </summary>
public sealed partial class GroupGrain(
    [PersistentState("group", GrainStorage.Name)] IPersistentState<ResourceState> state,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<GroupGrain> logger) : ResourceGrain(state, catalog, options, time, logger), IGroupGrain
{
    /// <summary>How many missing member ids an error or log line names; a PATCH may list up to a thousand.</summary>
    private const int MaxNamedMissingMembers = 20;

    protected override string ResourceTypeName => ResourceTypeNames.Group;

    protected override string EndpointName => "Groups";

    protected override bool HasExternalMembers => Exists && Bucketed;

    private bool Bucketed => State.MemberBuckets is not null;

    private GroupMemberBuckets Buckets => new(GrainFactory, TenantKey, ResourceId);

    public async Task RemoveMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        if (Bucketed)
        {
            await Buckets.BucketFor(memberId).RemoveAsync([memberId], cancellationToken);
            InvalidateResponses();
            return;
        }

        await ChangeAttributesAsync(attributes => GroupMembers.Remove(attributes, memberId), cancellationToken);
    }

    public Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: true, cancellationToken);

    public Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: false, cancellationToken);

    public async Task<IReadOnlyList<GroupMember>> GetMembersAsync(IReadOnlyList<string>? onlyIds = null, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return [];
        }

        if (Bucketed)
        {
            return onlyIds is null
                ? await Buckets.GetAllAsync(State.MemberBuckets!, cancellationToken)
                : await Buckets.FindAsync(onlyIds, cancellationToken);
        }

        var inline = GroupMembers.Read(Attributes).Select(m => new GroupMember(m.Key, m.Value.Type ?? ResourceTypeNames.User, Display(m.Value.Element)));
        return onlyIds is null ? [.. inline] : [.. inline.Where(m => onlyIds.Contains(m.Id))];
    }

    protected override ResourceTypeDefinition ResourceTypeIn(ScimSchemaSet schemas) => schemas.Group;

    protected override IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes, Func<string, string> fold)
    {
        if (attributes.GetIgnoreCase("displayName") is JsonValue displayName && displayName.TryGetValue<string>(out var name))
        {
            yield return new IndexValue(IndexNames.GroupDisplayName, fold(name), Unique: true);
        }

        if (attributes.GetIgnoreCase("externalId") is JsonValue externalId && externalId.TryGetValue<string>(out var external))
        {
            yield return new IndexValue(IndexNames.GroupExternalId, external, Unique: false);
        }
    }

    /// <summary>RFC 7644 §3.5.2: 204 No Content unless the client asked for attributes (Azure AD expects 204 for groups).</summary>
    protected override int PatchSuccessStatus(ResourceRequest request) =>
        request.Attributes is null && request.ExcludedAttributes is null ? 204 : 200;

    /// <summary>
    /// Inline members: diff the member lists, check that new members exist, notice both sides. Members that
    /// do not exist are dropped from <paramref name="after"/> under tolerant input (strict refuses them).
    /// </summary>
    protected override async Task<List<MembershipNotice>> PrepareChangeAsync(JsonObject? before, JsonObject after, InputRules rules, CancellationToken cancellationToken)
    {
        GroupMembers.Deduplicate(after);
        var previous = before is null ? [] : GroupMembers.Read(before);
        var current = GroupMembers.Read(after);
        var added = current.Where(m => !previous.ContainsKey(m.Key)).Select(m => m.Value.Element).ToList();
        var removed = previous.Where(m => !current.ContainsKey(m.Key))
            .Select(m => new GroupMember(m.Key, m.Value.Type ?? ResourceTypeNames.User)).ToList();
        var (notices, missing) = await MemberNoticesAsync(added, removed, rules, cancellationToken);
        foreach (var id in missing)
        {
            GroupMembers.Remove(after, id);
        }

        return notices;
    }

    /// <summary>Bucketed members: member operations are worked out against the buckets, the rest against the attributes.</summary>
    protected override async Task<(JsonObject After, List<MembershipNotice> Notices)> ComputeChangeAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, ResourceChange change, CancellationToken cancellationToken)
    {
        if (!Bucketed)
        {
            return await base.ComputeChangeAsync(type, rules, before, change, cancellationToken);
        }

        if (!change.IsPatch)
        {
            var replacement = Replacement(type, rules, before, change.Body);
            GroupMembers.Deduplicate(replacement);
            var wanted = GroupMembers.Read(replacement);
            replacement.RemoveIgnoreCase("members");
            var existing = await Buckets.GetAllAsync(State.MemberBuckets!, cancellationToken);
            var existingIds = existing.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var (replacementNotices, _) = await MemberNoticesAsync(
                [.. wanted.Where(m => !existingIds.Contains(m.Key)).Select(m => m.Value.Element)],
                [.. existing.Where(m => !wanted.ContainsKey(m.Id))],
                rules,
                cancellationToken);
            return (replacement, replacementNotices);
        }

        var steps = PatchPlanner.Plan(PatchRequestParser.Parse(change.Body), type, before, rules);
        var memberSteps = steps.Where(s => s.Target.IsCoreAttribute("members")).ToList();
        var after = PatchEngine.Apply(before, steps.Where(s => !s.Target.IsCoreAttribute("members")), type, rules);
        var (adds, removeIds) = await MemberChangesAsync(memberSteps, type, rules, cancellationToken);
        var removes = removeIds.Count == 0 ? [] : await Buckets.FindAsync(removeIds, cancellationToken);
        var (notices, _) = await MemberNoticesAsync(adds, removes, rules, cancellationToken);
        return (after, notices);
    }

    protected override async Task<List<MembershipNotice>> DeletionNoticesAsync(CancellationToken cancellationToken)
    {
        var notices = Bucketed
            ? [new MembershipNotice(ResourceId, ResourceTypeNames.Group, NoticeKind.AllMembersLeft)]
            : GroupMembers.Read(Attributes).Select(m => new MembershipNotice(m.Key, m.Value.Type ?? ResourceTypeNames.User, NoticeKind.Left)).ToList();
        notices.AddRange(State.MemberOf.Select(parent => new MembershipNotice(parent, ResourceTypeNames.Group, NoticeKind.MemberDeleted)));
        return await Task.FromResult(notices);
    }

    /// <summary>The buckets a commit's new members go to are recorded with the commit, so a restart finds them.</summary>
    protected override void OnCommitting(ResourceState committing, IReadOnlyList<MembershipNotice> notices)
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

    protected override async Task<bool> DeliverAsync(MembershipNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Kind == NoticeKind.AllMembersLeft)
        {
            await AllMembersLeaveAsync(cancellationToken);
            return true;
        }

        if (Bucketed || (!Exists && State.MemberBuckets is not null))
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

            InvalidateResponses();
        }

        return await base.DeliverAsync(notice, cancellationToken);
    }

    /// <summary>A member vanished between validation and notice (deleted meanwhile): drop it from the group.</summary>
    protected override Task OnNoticeTargetMissingAsync(MembershipNotice notice, CancellationToken cancellationToken) =>
        notice.Kind == NoticeKind.Joined ? RemoveMemberAsync(notice.TargetId, cancellationToken) : Task.CompletedTask;

    /// <summary>Moves a member list that outgrew the inline limit into buckets; the buckets are written first, so a crash leaves the inline list in charge.</summary>
    protected override async Task AfterChangeAsync(CancellationToken cancellationToken)
    {
        if (!Exists || Bucketed)
        {
            return;
        }

        var members = GroupMembers.Read(Attributes);
        if (members.Count <= Options.InlineGroupMemberLimit)
        {
            return;
        }

        var byBucket = members.Values
            .Select(m => new GroupMember(m.Element["value"]!.GetValue<string>(), m.Type ?? ResourceTypeNames.User, Display(m.Element)))
            .GroupBy(m => GroupMemberBuckets.BucketOf(m.Id))
            .ToList();
        foreach (var batch in byBucket.Chunk(64))
        {
            await Task.WhenAll(batch.Select(g => Buckets.Bucket(g.Key).AddAsync([.. g], cancellationToken)));
        }

        var withoutMembers = (JsonObject)Attributes.DeepClone();
        withoutMembers.RemoveIgnoreCase("members");
        await RestoreAttributesAsync(withoutMembers, s => s.MemberBuckets = [.. byBucket.Select(g => g.Key)], cancellationToken);
    }

    protected override async Task AddExternalMembersAsync(JsonObject document, CancellationToken cancellationToken)
    {
        var members = await Buckets.GetAllAsync(State.MemberBuckets!, cancellationToken);
        if (members.Count == 0)
        {
            return;
        }

        var array = new JsonArray();
        foreach (var member in members.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            array.Add(ToJson(member));
        }

        var meta = document["meta"];
        document.Remove("meta");
        document["members"] = array;
        document["meta"] = meta;
    }

    protected override Task OnPurgingAsync(CancellationToken cancellationToken) =>
        State.MemberBuckets is { } occupied ? Buckets.ClearAsync(occupied, cancellationToken) : Task.CompletedTask;

    public static JsonObject ToJson(GroupMember member)
    {
        var json = new JsonObject { ["value"] = member.Id, ["type"] = member.Type };
        if (member.Display is not null)
        {
            json["display"] = member.Display;
        }

        return json;
    }

    private static string? Display(JsonObject element) =>
        element.GetIgnoreCase("display") is JsonValue display && display.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// Turns member operations into ids to add and remove. The forms Azure AD sends (add values, remove
    /// listed values, remove <c>members[value eq "id"]</c>, replace all) need no member list; any other
    /// form is applied to the full list read from the buckets.
    /// </summary>
    private async Task<(List<JsonObject> Adds, List<string> RemoveIds)> MemberChangesAsync(List<PatchStep> steps, ResourceTypeDefinition type, InputRules rules, CancellationToken cancellationToken)
    {
        var membersAttribute = type.Schema.FindAttribute("members")!;
        var adds = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var removes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            var target = step.Target;
            var listed = step.Value is null ? [] : ElementsOf(ValueNormalizer.Normalize(membersAttribute, step.Value, "members", rules));
            if (target.SubAttribute is not null || (target.Filter is not null && (step.Op != PatchOperationType.Remove || ValueOnlySeed(target.Filter) is null)))
            {
                return await MemberChangesFromFullListAsync(steps, type, rules, cancellationToken);
            }

            switch (step.Op)
            {
                case PatchOperationType.Add:
                    foreach (var element in listed)
                    {
                        adds[IdOf(element)] = element;
                        removes.Remove(IdOf(element));
                    }

                    break;
                case PatchOperationType.Remove when target.Filter is not null:
                    var id = ValueOnlySeed(target.Filter)!;
                    adds.Remove(id);
                    removes.Add(id);
                    break;
                case PatchOperationType.Remove when step.Value is not null:
                    foreach (var element in listed)
                    {
                        adds.Remove(IdOf(element));
                        removes.Add(IdOf(element));
                    }

                    break;
                default:
                    // Remove without a value, or replace: every current member goes (replace then adds the listed ones).
                    adds.Clear();
                    foreach (var member in await Buckets.GetAllAsync(State.MemberBuckets!, cancellationToken))
                    {
                        removes.Add(member.Id);
                    }

                    foreach (var element in step.Op == PatchOperationType.Replace ? listed : [])
                    {
                        adds[IdOf(element)] = element;
                        removes.Remove(IdOf(element));
                    }

                    break;
            }
        }

        return ([.. adds.Values], [.. removes]);
    }

    private async Task<(List<JsonObject> Adds, List<string> RemoveIds)> MemberChangesFromFullListAsync(List<PatchStep> steps, ResourceTypeDefinition type, InputRules rules, CancellationToken cancellationToken)
    {
        var current = await Buckets.GetAllAsync(State.MemberBuckets!, cancellationToken);
        var document = new JsonObject
        {
            ["displayName"] = Attributes.GetIgnoreCase("displayName")?.DeepClone(),
            ["members"] = new JsonArray([.. current.Select(m => (JsonNode)ToJson(m))]),
        };
        var after = GroupMembers.Read(PatchEngine.Apply(document, steps, type, rules));
        var before = current.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return ([.. after.Where(m => !before.Contains(m.Key)).Select(m => m.Value.Element)], [.. before.Where(id => !after.ContainsKey(id))]);
    }

    private static string? ValueOnlySeed(PatchFilter filter) =>
        filter.FixedValues() is { Count: 1 } seed && seed.GetIgnoreCase("value") is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

    private static List<JsonObject> ElementsOf(JsonNode? normalized) => normalized is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    private static string IdOf(JsonObject element) =>
        element.GetIgnoreCase("value") is JsonValue value && value.TryGetValue<string>(out var id)
            ? id
            : throw ScimException.InvalidValue("Each member needs a 'value' (the member's id).");

    /// <summary>
    /// Checks that new members exist (and records their type) and makes the notices for both sides. Ids that
    /// exist in neither users nor groups of the tenant: strict input refuses the change naming them;
    /// tolerant input applies the rest, skips these (returned as <c>Missing</c>) and logs their ids.
    /// </summary>
    private async Task<(List<MembershipNotice> Notices, List<string> Missing)> MemberNoticesAsync(
        List<JsonObject> added, List<GroupMember> removed, InputRules rules, CancellationToken cancellationToken)
    {
        var notices = new List<MembershipNotice>();
        var missing = new List<string>();
        foreach (var batch in added.Chunk(64))
        {
            var types = await Task.WhenAll(batch.Select(e => ResolveMemberTypeAsync(IdOf(e), e.GetIgnoreCase("type")?.GetValue<string>(), cancellationToken)));
            for (var i = 0; i < batch.Length; i++)
            {
                var memberId = IdOf(batch[i]);
                if (types[i] is not { } type)
                {
                    missing.Add(memberId);
                    continue;
                }

                batch[i]["type"] = type;
                notices.Add(new MembershipNotice(memberId, type, NoticeKind.Joined, Display(batch[i])));
            }
        }

        if (missing.Count > 0)
        {
            var named = string.Join(", ", missing.Take(MaxNamedMissingMembers).Select(id => "'" + id + "'")) + (missing.Count > MaxNamedMissingMembers ? ", …" : "");
            if (rules.IsStrict)
            {
                throw ScimException.InvalidValue($"{(missing.Count == 1 ? "Member" : missing.Count + " members")} {named} {(missing.Count == 1 ? "does" : "do")} not exist in this tenant.");
            }

            if (Logger.IsEnabled(LogLevel.Information))
            {
                LogSkippedMembers(Logger, ResourceId, missing.Count, named);
            }
        }

        notices.AddRange(removed.Select(m => new MembershipNotice(m.Id, m.Type, NoticeKind.Left)));
        return (notices, missing);
    }

    /// <summary>Deleting a large group: each bucket's members are told, then the bucket is emptied (repeatable after a crash).</summary>
    private async Task AllMembersLeaveAsync(CancellationToken cancellationToken)
    {
        foreach (var bucketIndex in State.MemberBuckets ?? [])
        {
            var bucket = Buckets.Bucket(bucketIndex);
            var members = await bucket.GetAsync(null, cancellationToken);
            foreach (var batch in members.Chunk(64))
            {
                await Task.WhenAll(batch.Select(m => base.DeliverAsync(new MembershipNotice(m.Id, m.Type, NoticeKind.Left), cancellationToken)));
            }

            await bucket.ClearAsync(cancellationToken);
        }
    }

    private async Task<string?> ResolveMemberTypeAsync(string memberId, string? declaredType, CancellationToken cancellationToken)
    {
        if (memberId == ResourceId)
        {
            throw ScimException.InvalidValue("A group cannot be a member of itself.");
        }

        if (!GrainKeys.CanBeResourceId(memberId))
        {
            return null;
        }

        var tryGroupFirst = string.Equals(declaredType, ResourceTypeNames.Group, StringComparison.OrdinalIgnoreCase);
        IResourceGrain first = tryGroupFirst ? Tenant.Group(memberId) : Tenant.User(memberId);
        IResourceGrain second = tryGroupFirst ? Tenant.User(memberId) : Tenant.Group(memberId);
        if (await first.ExistsAsync(cancellationToken))
        {
            return tryGroupFirst ? ResourceTypeNames.Group : ResourceTypeNames.User;
        }

        if (await second.ExistsAsync(cancellationToken))
        {
            return tryGroupFirst ? ResourceTypeNames.User : ResourceTypeNames.Group;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {GroupId}: skipped {Count} member(s) that do not exist in the tenant: {MemberIds}")]
    private static partial void LogSkippedMembers(ILogger logger, string groupId, int count, string memberIds);
}
