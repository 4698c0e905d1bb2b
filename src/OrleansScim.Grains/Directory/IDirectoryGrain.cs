using Orleans.Concurrency;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// The root of one tenant's directory of one resource type (key <c>"{tenantKey}/{type}"</c>): hands out
/// sequence numbers (creation order, which is the listing order) and knows how many resources each
/// segment holds. Its state is a counter, never the resources themselves.
/// </summary>
[Alias("scim.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    [Alias("AllocateSequence")]
    Task<long> AllocateSequenceAsync(CancellationToken cancellationToken = default);

    [Alias("GetCounts")]
    Task<DirectoryCounts> GetCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A segment reports its size whenever it changes, and waits for it, so a listing that follows a
    /// create on any silo counts it. Interleaved: it only updates memory, and the root may itself be
    /// waiting on that segment while it rebuilds its counts.
    /// </summary>
    [AlwaysInterleave, Alias("ReportCount")]
    Task ReportCountAsync(long segment, long generation, int count, CancellationToken cancellationToken = default);

    /// <summary>Deletes every resource of the directory (tenant deletion).</summary>
    [ResponseTimeout("00:30:00"), Alias("Purge")]
    Task PurgeAsync(CancellationToken cancellationToken = default);
}
