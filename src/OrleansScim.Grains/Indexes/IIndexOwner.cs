using Orleans.Concurrency;

namespace OrleansScim.Grains.Indexes;

/// <summary>Implemented by resource grains so a unique index can check a reservation against its owner.</summary>
[Alias("scim.IIndexOwner")]
public interface IIndexOwner : IGrainWithStringKey
{
    /// <summary>
    /// Whether this resource holds (or is about to write) the value of the index entry with that grain key. Always interleaved: the index calls
    /// it while the owner may itself be waiting on that index, and it only reads memory.
    /// </summary>
    [ReadOnly, AlwaysInterleave, Alias("HoldsIndexEntry")]
    Task<bool> HoldsIndexEntryAsync(string indexGrainKey, CancellationToken cancellationToken = default);
}
