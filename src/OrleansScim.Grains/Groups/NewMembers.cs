using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Groups;

/// <summary>
/// Checks that members a group gains exist (and records their type) and makes the notices for both sides
/// of a member change. Each member is asked whether it exists (<see cref="IResourceGrain.ExistsAsync"/>,
/// not its whole representation), 64 at once.
/// </summary>
public sealed partial class NewMembers(TenantGrains tenant, string groupId, ILogger logger)
{
    /// <summary>How many missing member ids an error or log line names; a PATCH may list up to a thousand.</summary>
    private const int MaxNamedMissingMembers = 20;

    /// <summary>
    /// Ids that exist in neither users nor groups of the tenant: strict input refuses the change naming them;
    /// tolerant input applies the rest, skips these (returned as <c>Missing</c>) and logs their ids.
    /// </summary>
    public async Task<(List<MembershipNotice> Notices, List<string> Missing)> NoticesAsync(
        IReadOnlyCollection<JsonObject> added, IEnumerable<GroupMember> removed, InputRules rules, CancellationToken cancellationToken)
    {
        var notices = new List<MembershipNotice>();
        var missing = new List<string>();
        foreach (var batch in added.Chunk(64))
        {
            var types = await Task.WhenAll(batch.Select(e => ResolveTypeAsync(MemberPatchPlan.IdOf(e), e.GetIgnoreCase("type")?.GetValue<string>(), cancellationToken)));
            for (var i = 0; i < batch.Length; i++)
            {
                var memberId = MemberPatchPlan.IdOf(batch[i]);
                if (types[i] is not { } type)
                {
                    missing.Add(memberId);
                    continue;
                }

                batch[i]["type"] = type;
                notices.Add(new MembershipNotice(memberId, type, NoticeKind.Joined, GroupMember.DisplayOf(batch[i])));
            }
        }

        if (missing.Count > 0)
        {
            var named = string.Join(", ", missing.Take(MaxNamedMissingMembers).Select(id => "'" + id + "'")) + (missing.Count > MaxNamedMissingMembers ? ", …" : "");
            if (rules.IsStrict)
            {
                throw ScimException.InvalidValue($"{(missing.Count == 1 ? "Member" : missing.Count + " members")} {named} {(missing.Count == 1 ? "does" : "do")} not exist in this tenant.");
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                LogSkippedMembers(logger, groupId, missing.Count, named);
            }
        }

        notices.AddRange(removed.Select(m => new MembershipNotice(m.Id, m.Type, NoticeKind.Left)));
        return (notices, missing);
    }

    private async Task<string?> ResolveTypeAsync(string memberId, string? declaredType, CancellationToken cancellationToken)
    {
        if (memberId == groupId)
        {
            throw ScimException.InvalidValue("A group cannot be a member of itself.");
        }

        if (!GrainKeys.CanBeResourceId(memberId))
        {
            return null;
        }

        var tryGroupFirst = string.Equals(declaredType, ResourceTypeNames.Group, StringComparison.OrdinalIgnoreCase);
        IResourceGrain first = tryGroupFirst ? tenant.Group(memberId) : tenant.User(memberId);
        IResourceGrain second = tryGroupFirst ? tenant.User(memberId) : tenant.Group(memberId);
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
