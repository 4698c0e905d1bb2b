using OrleansScim.Grains.Hosting;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// Writes a segment's cached documents behind its changes, on a timer (<see cref="ScimGrainOptions.SegmentFlushInterval"/>)
/// rather than on every change: they are a cache that heals from the resources. With in-memory grain
/// storage (<see cref="ScimGrainOptions.PersistDirectoryDocuments"/> off) a stored copy would only hold
/// the same bytes twice in the same process, so nothing is written: the segment rebuilds its documents
/// from its resources when it activates.
/// </summary>
public sealed class SegmentWriteBehind(IGrainBase grain, IPersistentState<SegmentDocumentsState> documents, ScimGrainOptions options)
{
    private bool _dirty;
    private IGrainTimer? _timer;

    public void MarkDirty()
    {
        if (!options.PersistDirectoryDocuments)
        {
            return;
        }

        _dirty = true;
        _timer ??= grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions
        {
            DueTime = options.SegmentFlushInterval,
            Period = options.SegmentFlushInterval,
            Interleave = false,
            KeepAlive = false,
        });
    }

    /// <summary>The documents were cleared with the segment: nothing is left to write.</summary>
    public void Forget() => _dirty = false;

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        documents.State.Clean = false;
        await documents.WriteStateAsync(cancellationToken);
    }
}
