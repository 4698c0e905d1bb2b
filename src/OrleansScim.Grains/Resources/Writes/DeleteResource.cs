using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;

namespace OrleansScim.Grains.Resources.Writes;

/// <summary>
/// DELETE: the directory entry is marked removing first (queries stop returning it), then the state is
/// deleted, keeping a tombstone with the notices to its members and groups until they are delivered, then
/// its index entries and directory entry go.
/// </summary>
public static class DeleteResource
{
    public static async Task<ResourceResult> RunAsync(ResourceParts parts, ResourceRequest request, CancellationToken cancellationToken)
    {
        var record = parts.Record;
        ResourcePreconditions.ThrowIfMissing(parts);
        ResourcePreconditions.EnsureIfMatch(parts, request.IfMatch);
        var sequence = record.State.Sequence;
        var indexValues = parts.IndexValuesOf(record.Attributes).ToList();
        record.WriteInProgress = true;
        try
        {
            await parts.Directory.MarkRemovingAsync(sequence, cancellationToken);
            var notices = parts.Members.DeletionNotices();
            notices.AddRange(record.State.MemberOf.Select(parent => new MembershipNotice(parent, ResourceTypeNames.Group, NoticeKind.MemberDeleted)));
            using (await record.LockAsync(cancellationToken))
            {
                await record.DeleteAsync(notices, cancellationToken);
            }

            await parts.Claims.ReleaseAsync(indexValues);
            await parts.Directory.RemoveAsync(sequence, cancellationToken);
        }
        finally
        {
            record.WriteInProgress = false;
        }

        await CommittedChange.DeliverNoticesAsync(parts, cancellationToken);
        ResourceLog.Deleted(parts.Logger, parts.Kind.TypeName, parts.ResourceId);
        return new ResourceResult { Outcome = ResourceOutcome.Deleted };
    }
}
