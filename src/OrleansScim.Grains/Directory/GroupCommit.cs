namespace OrleansScim.Grains.Directory;

/// <summary>
/// Group commit for one grain's persisted state: a change made while a write is in flight rides on the
/// next write, which starts as soon as that one ends and carries every change made meanwhile. Concurrent
/// creates in one tenant all record their pending entry in the same directory segment; written one after
/// another, each waited for every earlier write (a storage round trip each, a rewrite of the whole segment
/// each). Orleans' <c>IPersistentState</c> writes one state at a time and does not merge writes, hence this.
/// Runs on the grain's scheduler (one turn at a time), so it needs no lock.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private bool _writing;

    /// <summary>Completes once a write that started after this call has succeeded (faults if it failed).</summary>
    public Task CommitAsync()
    {
        var next = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_writing)
        {
            _ = WriteAllAsync();
        }

        return next.Task;
    }

    private async Task WriteAllAsync()
    {
        _writing = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
