using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources.Writes;

/// <summary>What follows a committed write: its membership notices, member-list moves, and the directory copy.</summary>
public static class CommittedChange
{
    /// <summary>
    /// The change is already durable, so a failure here must not turn into an error for the client (a
    /// retry would then meet its own write as a conflict): pending notices are replayed on the next
    /// activation and a directory entry left unsettled is checked against the resource on the segment's next query.
    /// </summary>
    public static async Task FinishAsync(ResourceParts parts, ResourceTypeDefinition type, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverNoticesAsync(parts, cancellationToken);
            await parts.Members.AfterChangeAsync(cancellationToken);
            await parts.PublishAsync(type, cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            ResourceLog.FollowUpFailed(parts.Logger, e, parts.Kind.TypeName, parts.ResourceId);
        }
    }

    /// <summary>Delivers pending membership notices; undelivered ones stay pending for the next activation.</summary>
    public static async Task DeliverNoticesAsync(ResourceParts parts, CancellationToken cancellationToken)
    {
        var pending = parts.Record.State.PendingNotices.ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var delivered = await parts.Outbox.DeliverAsync(pending, parts.Members.DeliverAsync, parts.Members.OnTargetMissingAsync, cancellationToken);
        await parts.Record.RemoveDeliveredAsync(delivered, cancellationToken);
    }
}
