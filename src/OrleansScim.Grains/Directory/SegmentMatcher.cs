using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Listing;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Directory;

/// <summary>A segment's part of a list or filter query: its present entries after a sequence, in sequence order, that match.</summary>
public static class SegmentMatcher
{
    /// <summary>
    /// Up to <paramref name="limit"/> sequences after <paramref name="afterSequence"/> whose documents match
    /// <paramref name="filter"/> (all when null), with their sort keys when <paramref name="sort"/> is given.
    /// </summary>
    public static SegmentMatches Match(
        IReadOnlyDictionary<long, SegmentEntry> entries, IReadOnlyDictionary<long, DirectoryDocument> documents, ScimFilter? filter, SortSpec? sort, long afterSequence, int limit)
    {
        var matches = new List<long>();
        var keys = sort is null ? null : new List<string?>();
        foreach (var (sequence, entry) in entries.OrderBy(e => e.Key))
        {
            if (sequence <= afterSequence || entry.Status != EntryStatus.Present || !documents.TryGetValue(sequence, out var document))
            {
                continue;
            }

            // Parsed only when something needs to look inside the document.
            var json = filter is null && sort is null ? null : ScimJson.ParseTrusted(document.Json);
            if (filter is null || filter.Matches(json!))
            {
                matches.Add(sequence);
                keys?.Add(sort!.KeyOf(json!));
                if (matches.Count >= limit)
                {
                    break;
                }
            }
        }

        return new SegmentMatches(matches, keys);
    }
}
