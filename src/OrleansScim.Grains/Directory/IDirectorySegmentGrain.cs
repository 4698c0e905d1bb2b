using Orleans.Concurrency;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// A bounded slice of a tenant's directory (key <c>"{tenantKey}/{type}/{segment}"</c>) holding the
/// resources whose sequence numbers fall in it, with a cached copy of each representation for
/// filtering and listing. Which resources it holds is written at once; the cached representations
/// are written behind and re-checked against their resources after an unclean shutdown.
/// </summary>
[Alias("scim.IDirectorySegmentGrain")]
public interface IDirectorySegmentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a resource about to be created, before the resource writes itself. Interleaved, so that the
    /// pending entries of concurrent creates are written together rather than one storage write after another;
    /// it only adds an entry for a sequence nobody else holds, before it waits for the write.
    /// </summary>
    [AlwaysInterleave, Alias("AddPending")]
    Task AddPendingAsync(long sequence, string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a resource's current representation (commits a pending add).</summary>
    [Alias("Publish")]
    Task PublishAsync(DirectoryDocument document, CancellationToken cancellationToken = default);

    /// <summary>Records a resource about to be deleted, before the resource clears itself.</summary>
    [Alias("MarkRemoving")]
    Task MarkRemovingAsync(long sequence, CancellationToken cancellationToken = default);

    [Alias("Remove")]
    Task RemoveAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Interleaved: the root asks while this segment may be waiting on the root.</summary>
    [ReadOnly, AlwaysInterleave, Alias("GetCount")]
    Task<int> GetCountAsync(long generationHint = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sequence numbers of the resources matching a filter (all when null), ascending, above
    /// <paramref name="afterSequence"/>, at most <paramref name="limit"/>; with <paramref name="sortBy"/>
    /// also each one's sort key.
    /// </summary>
    [Alias("Match")]
    Task<SegmentMatches> MatchAsync(string? filter, long afterSequence, int limit, string? sortBy = null, CancellationToken cancellationToken = default);

    /// <summary>The cached representations of the given resources, in the order asked.</summary>
    [Alias("GetDocuments")]
    Task<IReadOnlyList<DirectoryDocument>> GetDocumentsAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default);

    /// <summary>Deletes every resource of the segment and the segment itself.</summary>
    [ResponseTimeout("00:10:00"), Alias("Purge")]
    Task PurgeAsync(CancellationToken cancellationToken = default);
}
