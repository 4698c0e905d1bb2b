using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// One resource's place in its tenant's directory (what list and filter queries read): a sequence number
/// reserved before the resource is written, its document published after each change, and its entry
/// removed in two steps on delete (marked removing before the delete is written, removed after).
/// </summary>
public sealed class DirectoryPublication(TenantGrains tenant, string resourceType, string resourceId, int segmentSize)
{
    /// <summary>Allocates the resource's sequence and records a pending entry there (settled against the resource if it never gets written).</summary>
    public async Task<long> ReserveAsync(CancellationToken cancellationToken)
    {
        var sequence = await tenant.Directory(resourceType).AllocateSequenceAsync(cancellationToken);
        await SegmentOf(sequence).AddPendingAsync(sequence, resourceId, cancellationToken);
        return sequence;
    }

    public Task PublishAsync(DirectoryDocument document, CancellationToken cancellationToken) =>
        SegmentOf(document.Sequence).PublishAsync(document, cancellationToken);

    public Task MarkRemovingAsync(long sequence, CancellationToken cancellationToken) =>
        SegmentOf(sequence).MarkRemovingAsync(sequence, cancellationToken);

    public Task RemoveAsync(long sequence, CancellationToken cancellationToken) =>
        SegmentOf(sequence).RemoveAsync(sequence, cancellationToken);

    private IDirectorySegmentGrain SegmentOf(long sequence) => tenant.Segment(resourceType, sequence / segmentSize);
}
