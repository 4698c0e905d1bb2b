using Microsoft.Extensions.Options;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// Sequence numbers are reserved in blocks so allocating one rarely writes; numbers of a block lost in
/// a crash are simply never used. Segment sizes are kept in memory from the segments' own reports and
/// asked from the segments again after a reactivation.
/// </summary>
public sealed class DirectoryGrain(
    [PersistentState("directory", GrainStorage.Name)] IPersistentState<DirectoryState> state,
    IOptions<ScimGrainOptions> options) : Grain, IDirectoryGrain
{
    private const long BlockSize = 256;

    private readonly Dictionary<long, (long Generation, int Count)> _counts = [];
    private long _next;
    private bool _countsComplete;

    private int SegmentSize => options.Value.SegmentSize;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _next = state.State.ReservedUpTo;
        return Task.CompletedTask;
    }

    public async Task<long> AllocateSequenceAsync(CancellationToken cancellationToken = default)
    {
        if (_next >= state.State.ReservedUpTo)
        {
            state.State.ReservedUpTo = _next + BlockSize;
            await state.WriteStateAsync(cancellationToken);
        }

        return _next++;
    }

    public async Task<DirectoryCounts> GetCountsAsync(CancellationToken cancellationToken = default)
    {
        var segmentCount = SegmentCountFor(Math.Max(_next, state.State.ReservedUpTo));
        if (!_countsComplete)
        {
            await LoadCountsAsync(segmentCount, cancellationToken);
        }

        var perSegment = new int[segmentCount];
        long total = 0;
        foreach (var (segment, entry) in _counts)
        {
            if (segment < segmentCount)
            {
                perSegment[segment] = entry.Count;
                total += entry.Count;
            }
        }

        return new DirectoryCounts(total, perSegment, SegmentSize);
    }

    public Task ReportCountAsync(long segment, long generation, int count, CancellationToken cancellationToken = default)
    {
        if (!_counts.TryGetValue(segment, out var known) || known.Generation <= generation)
        {
            _counts[segment] = (generation, count);
        }

        return Task.CompletedTask;
    }

    public async Task PurgeAsync(CancellationToken cancellationToken = default)
    {
        var segmentCount = SegmentCountFor(Math.Max(_next, state.State.ReservedUpTo));
        for (long segment = 0; segment < segmentCount; segment++)
        {
            await SegmentGrain(segment).PurgeAsync(cancellationToken);
        }

        await state.ClearStateAsync(cancellationToken);
        DeactivateOnIdle();
    }

    /// <summary>After a reactivation, asks every segment once (segments that never held anything answer 0).</summary>
    private async Task LoadCountsAsync(long segmentCount, CancellationToken cancellationToken)
    {
        for (long start = 0; start < segmentCount; start += options.Value.QueryFanOut)
        {
            var batch = Enumerable.Range(0, (int)Math.Min(options.Value.QueryFanOut, segmentCount - start)).Select(i => start + i).ToList();
            var counts = await Task.WhenAll(batch.Select(segment => SegmentGrain(segment).GetCountAsync(0, cancellationToken)));
            for (var i = 0; i < batch.Count; i++)
            {
                if (!_counts.ContainsKey(batch[i]))
                {
                    _counts[batch[i]] = (0, counts[i]);
                }
            }
        }

        _countsComplete = true;
    }

    private long SegmentCountFor(long sequences) => (sequences + SegmentSize - 1) / SegmentSize;

    private IDirectorySegmentGrain SegmentGrain(long segment)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return new TenantGrains(GrainFactory, key[..slash]).Segment(key[(slash + 1)..], segment);
    }
}

[GenerateSerializer, Alias("scim.DirectoryState")]
public sealed class DirectoryState
{
    /// <summary>Sequence numbers below this were handed out (or lost in a crash).</summary>
    [Id(0)] public long ReservedUpTo { get; set; }
}
