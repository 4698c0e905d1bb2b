using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Directory;

/// <summary>The grain calls of one query over one tenant directory.</summary>
internal sealed class QueryScope(IGrainFactory grains, string tenantKey, string resourceType, ScimGrainOptions options)
{
    public string TenantKey => tenantKey;

    public string ResourceType => resourceType;

    /// <summary>Current representations of candidate resources that match the filter, in listing order.</summary>
    public async Task<List<DirectoryDocument>> SnapshotsAsync(IEnumerable<string> ids, ScimFilter filter, CancellationToken cancellationToken)
    {
        var matching = new List<DirectoryDocument>();
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(options.QueryFanOut))
        {
            var snapshots = await Task.WhenAll(batch.Select(id => Resource(id).GetSnapshotAsync(cancellationToken)));
            foreach (var snapshot in snapshots)
            {
                if (snapshot is { State: SnapshotState.Committed, Document: { } document } && filter.Matches(ScimJson.ParseTrusted(document.Json)))
                {
                    matching.Add(document);
                }
            }
        }

        matching.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return matching;
    }

    /// <summary>
    /// Pages through the segments. Without a filter the segment sizes locate the page, so a deep
    /// startIndex costs no more than a shallow one; with a filter every segment is asked (in parallel batches).
    /// </summary>
    public async Task<(long Total, IReadOnlyList<DirectoryDocument> Page)> ScanAsync(string? filterText, int startIndex, int count, CancellationToken cancellationToken)
    {
        var counts = await grains.GetGrain<IDirectoryGrain>(GrainKeys.Directory(tenantKey, resourceType)).GetCountsAsync(cancellationToken);
        var perSegment = counts.PerSegment;
        if (filterText is null)
        {
            if (count == 0)
            {
                return (counts.Total, []);
            }

            var skip = (long)startIndex - 1;
            var segment = 0;
            while (segment < perSegment.Count && skip >= perSegment[segment])
            {
                skip -= perSegment[segment];
                segment++;
            }

            var sequences = new List<long>();
            for (; segment < perSegment.Count && sequences.Count < count; segment++)
            {
                if (perSegment[segment] == 0)
                {
                    continue;
                }

                var needed = count - sequences.Count;
                var matches = await Segment(segment).MatchAsync(null, -1, (int)Math.Min(int.MaxValue, skip + needed), cancellationToken);
                sequences.AddRange(matches.Sequences.Skip((int)skip).Take(needed));
                skip = 0;
            }

            return (counts.Total, await DocumentsAsync(sequences, counts.SegmentSize, cancellationToken));
        }

        var all = new List<long>();
        var occupied = Enumerable.Range(0, perSegment.Count).Where(s => perSegment[s] > 0).ToList();
        foreach (var batch in occupied.Chunk(options.QueryFanOut))
        {
            var results = await Task.WhenAll(batch.Select(s => Segment(s).MatchAsync(filterText, -1, int.MaxValue, cancellationToken)));
            foreach (var result in results)
            {
                all.AddRange(result.Sequences);
            }
        }

        var page = all.Skip(startIndex - 1).Take(count).ToList();
        return (all.Count, await DocumentsAsync(page, counts.SegmentSize, cancellationToken));
    }

    private async Task<IReadOnlyList<DirectoryDocument>> DocumentsAsync(List<long> sequences, int segmentSize, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return [];
        }

        var groups = sequences.GroupBy(s => s / segmentSize).ToList();
        var fetched = await Task.WhenAll(groups.Select(g => Segment(g.Key).GetDocumentsAsync([.. g], cancellationToken)));
        return [.. fetched.SelectMany(d => d).OrderBy(d => d.Sequence)];
    }

    private IDirectorySegmentGrain Segment(long segment) =>
        grains.GetGrain<IDirectorySegmentGrain>(GrainKeys.Segment(tenantKey, resourceType, segment));

    private IResourceGrain Resource(string id)
    {
        var key = GrainKeys.Resource(tenantKey, id);
        return resourceType == ResourceTypeNames.User ? grains.GetGrain<IUserGrain>(key) : grains.GetGrain<IGroupGrain>(key);
    }
}
