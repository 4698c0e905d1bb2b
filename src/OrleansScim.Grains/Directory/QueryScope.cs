using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Listing;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// One page of a listing, with what is needed to continue it. <paramref name="Parsed"/>, when given, holds
/// each document already parsed (null where it must be parsed again), so a filtered page is not parsed twice.
/// </summary>
internal sealed record QueryPage(long? Total, IReadOnlyList<DirectoryDocument> Documents, ListingPosition? Last, bool HasMore, IReadOnlyList<JsonObject?>? Parsed = null);

/// <summary>Where a resource stands in a listing's order: its sort key (when sorted) and its creation sequence.</summary>
internal sealed record ListingPosition(long Sequence, string? SortKey);

/// <summary>
/// The grain calls of one query over one tenant directory. The listing order is creation order, or
/// (sortKey, creation order) when sorted; a page is found by index (startIndex) or by position (cursor).
/// </summary>
internal sealed class QueryScope(IGrainFactory grains, string tenantKey, string resourceType, ScimGrainOptions options)
{
    public string TenantKey => tenantKey;

    public string ResourceType => resourceType;

    /// <summary>
    /// Candidates from an index: their current representations, filtered, ordered and paged. A large
    /// group's representation has no members, so when the filter looks at members they are read first
    /// (only the ids the filter pins, when it pins some).
    /// </summary>
    public async Task<QueryPage> PageCandidatesAsync(IEnumerable<string> ids, ScimFilter filter, SortSpec? sort, Paging paging, CancellationToken cancellationToken)
    {
        var readsMembers = resourceType == ResourceTypeNames.Group && filter.References("members");
        var pinnedMembers = filter.RequiredEqualities.Where(e => e.Path == "members.value").Select(e => e.Value).ToList();
        var matching = new List<(DirectoryDocument Document, ListingPosition Position, JsonObject? Parsed)>();
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Where(GrainKeys.CanBeResourceId).Chunk(options.QueryFanOut))
        {
            var snapshots = await Task.WhenAll(batch.Select(id => Resource(id).GetSnapshotAsync(cancellationToken)));
            foreach (var snapshot in snapshots)
            {
                if (snapshot is { State: SnapshotState.Committed, Document: { } document })
                {
                    var json = ScimJson.ParseTrusted(document.Json);
                    if (readsMembers && document.MembersExternal)
                    {
                        await AddMembersAsync(json, document.Id, pinnedMembers.Count > 0 ? pinnedMembers : null, cancellationToken);
                    }

                    if (filter.Matches(json))
                    {
                        // A large group's parsed copy may hold only the members the filter pinned: parse it again for the answer.
                        matching.Add((document, new ListingPosition(document.Sequence, sort?.KeyOf(json)), document.MembersExternal ? null : json));
                    }
                }
            }
        }

        matching.Sort((a, b) => Compare(sort, a.Position, b.Position));
        var (page, hasMore) = paging.Select(matching, m => m.Position, sort);
        return new QueryPage(matching.Count, [.. page.Select(m => m.Document)], page.Count > 0 ? page[^1].Position : null, hasMore, [.. page.Select(m => m.Parsed)]);
    }

    /// <summary>Everything else: asks the directory segments.</summary>
    public async Task<QueryPage> ScanAsync(string? filterText, SortSpec? sort, string? sortBy, Paging paging, CancellationToken cancellationToken)
    {
        var counts = await Tenant.Directory(resourceType).GetCountsAsync(cancellationToken);
        if (sort is null && paging.Cursor is not null)
        {
            return await WalkFromCursorAsync(filterText, counts, paging, cancellationToken);
        }

        if (sort is null && filterText is null)
        {
            return await PageByCountsAsync(counts, paging, cancellationToken);
        }

        // Sorted or filtered index pages need every match (with its sort key) before they can be cut.
        var all = new List<ListingPosition>();
        var occupied = Enumerable.Range(0, counts.PerSegment.Count).Where(s => counts.PerSegment[s] > 0).ToList();
        foreach (var batch in occupied.Chunk(options.QueryFanOut))
        {
            var results = await Task.WhenAll(batch.Select(s => Segment(s).MatchAsync(filterText, -1, int.MaxValue, sortBy, cancellationToken)));
            foreach (var result in results)
            {
                for (var i = 0; i < result.Sequences.Count; i++)
                {
                    all.Add(new ListingPosition(result.Sequences[i], result.SortKeys?[i]));
                }
            }
        }

        if (sort is not null)
        {
            all.Sort((a, b) => Compare(sort, a, b));
        }

        var (page, hasMore) = paging.Select(all, p => p, sort);
        var documents = await DocumentsAsync([.. page.Select(p => p.Sequence)], counts.SegmentSize, cancellationToken);
        if (sort is not null)
        {
            var order = page.Select((p, i) => (p.Sequence, i)).ToDictionary(x => x.Sequence, x => x.i);
            documents = [.. documents.OrderBy(d => order[d.Sequence])];
        }

        return new QueryPage(all.Count, documents, page.Count > 0 ? page[^1] : null, hasMore);
    }

    /// <summary>Without a filter the segment sizes locate the page, so a deep startIndex costs no more than a shallow one.</summary>
    private async Task<QueryPage> PageByCountsAsync(DirectoryCounts counts, Paging paging, CancellationToken cancellationToken)
    {
        var perSegment = counts.PerSegment;
        if (paging.Count == 0)
        {
            return new QueryPage(counts.Total, [], null, counts.Total > 0);
        }

        var skip = (long)paging.StartIndex - 1;
        var segment = 0;
        while (segment < perSegment.Count && skip >= perSegment[segment])
        {
            skip -= perSegment[segment];
            segment++;
        }

        var sequences = new List<long>();
        for (; segment < perSegment.Count && sequences.Count < paging.Count; segment++)
        {
            if (perSegment[segment] == 0)
            {
                continue;
            }

            var needed = paging.Count - sequences.Count;
            var matches = await Segment(segment).MatchAsync(null, -1, (int)Math.Min(int.MaxValue, skip + needed), null, cancellationToken);
            sequences.AddRange(matches.Sequences.Skip((int)skip).Take(needed));
            skip = 0;
        }

        var documents = await DocumentsAsync(sequences, counts.SegmentSize, cancellationToken);
        return new QueryPage(counts.Total, documents, null, paging.StartIndex - 1 + sequences.Count < counts.Total);
    }

    /// <summary>
    /// Cursor paging in creation order: starts at the cursor's segment and stops as soon as the page
    /// (plus one, to know whether more follow) is full, so every page costs the same however deep.
    /// Counting a filtered listing would cost a full scan, so such pages carry no total (RFC 9865 allows that).
    /// </summary>
    private async Task<QueryPage> WalkFromCursorAsync(string? filterText, DirectoryCounts counts, Paging paging, CancellationToken cancellationToken)
    {
        var after = paging.Cursor!.Sequence;
        var wanted = paging.Count + 1;
        var sequences = new List<long>();
        for (var segment = (int)Math.Max(0, (after + 1) / counts.SegmentSize); segment < counts.PerSegment.Count && sequences.Count < wanted; segment++)
        {
            if (counts.PerSegment[segment] == 0)
            {
                continue;
            }

            var matches = await Segment(segment).MatchAsync(filterText, after, wanted - sequences.Count, null, cancellationToken);
            sequences.AddRange(matches.Sequences);
        }

        var hasMore = sequences.Count > paging.Count;
        var page = sequences.Take(paging.Count).ToList();
        var documents = await DocumentsAsync(page, counts.SegmentSize, cancellationToken);
        return new QueryPage(filterText is null ? counts.Total : null, documents, page.Count > 0 ? new ListingPosition(page[^1], null) : null, hasMore);
    }

    /// <summary>Ids of every resource of the directory, in creation order.</summary>
    public async Task<List<string>> AllIdsAsync(CancellationToken cancellationToken)
    {
        var counts = await Tenant.Directory(resourceType).GetCountsAsync(cancellationToken);
        var ids = new List<string>();
        var occupied = Enumerable.Range(0, counts.PerSegment.Count).Where(s => counts.PerSegment[s] > 0).ToList();
        foreach (var batch in occupied.Chunk(options.QueryFanOut))
        {
            var sequences = await Task.WhenAll(batch.Select(s => Segment(s).MatchAsync(null, -1, int.MaxValue, null, cancellationToken)));
            var documents = await Task.WhenAll(batch.Select((s, i) => Segment(s).GetDocumentsAsync(sequences[i].Sequences, cancellationToken)));
            ids.AddRange(documents.SelectMany(d => d).Select(d => d.Id));
        }

        return ids;
    }

    /// <summary>Puts a large group's members (all, or those of <paramref name="onlyIds"/>) into its representation.</summary>
    public async Task AddMembersAsync(JsonObject document, string groupId, IReadOnlyList<string>? onlyIds, CancellationToken cancellationToken)
    {
        var members = await Tenant.Group(groupId).GetMembersAsync(onlyIds, cancellationToken);
        if (members.Count > 0)
        {
            document["members"] = new JsonArray([.. members.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => (JsonNode)m.ToJson())]);
        }
    }

    private static int Compare(SortSpec? sort, ListingPosition a, ListingPosition b) =>
        sort is null ? a.Sequence.CompareTo(b.Sequence) : sort.Compare(a.SortKey, a.Sequence, b.SortKey, b.Sequence);

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

    private TenantGrains Tenant => new(grains, tenantKey);

    private IDirectorySegmentGrain Segment(long segment) => Tenant.Segment(resourceType, segment);

    private IResourceGrain Resource(string id) => Tenant.Resource(resourceType, id);
}

/// <summary>How a page is chosen: by 1-based index, or after a cursor position (RFC 9865).</summary>
internal sealed record Paging(int StartIndex, int Count, ListingCursor? Cursor)
{
    /// <summary>Cuts a page out of a complete, ordered list.</summary>
    public (List<T> Page, bool HasMore) Select<T>(List<T> ordered, Func<T, ListingPosition> position, SortSpec? sort)
    {
        var start = StartIndex - 1;
        if (Cursor is { Sequence: >= 0 })
        {
            var after = new ListingPosition(Cursor.Sequence, Cursor.SortKey);
            start = ordered.FindIndex(item => Compare(sort, position(item), after) > 0);
            start = start < 0 ? ordered.Count : start;
        }

        var page = ordered.Skip(start).Take(Count).ToList();
        return (page, start + page.Count < ordered.Count);
    }

    private static int Compare(SortSpec? sort, ListingPosition a, ListingPosition b) =>
        sort is null ? a.Sequence.CompareTo(b.Sequence) : sort.Compare(a.SortKey, a.Sequence, b.SortKey, b.Sequence);
}
