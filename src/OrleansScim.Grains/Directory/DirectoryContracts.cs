namespace OrleansScim.Grains.Directory;

/// <summary>The resource types a tenant directory lists; also the directory grain key part.</summary>
public static class ResourceTypeNames
{
    public const string User = "User";
    public const string Group = "Group";
}

/// <summary>
/// A resource's current representation (without <c>meta.location</c>) as a directory segment caches it,
/// as UTF-8 JSON: half the memory of a string, and parsed without transcoding.
/// For a large group <see cref="MembersExternal"/> is set and the JSON has no members (they are in the
/// group's member buckets).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.DirectoryDocument")]
public sealed record DirectoryDocument(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Id,
    [property: Id(2)] long Version,
    [property: Id(3)] byte[] Json,
    [property: Id(4)] bool MembersExternal = false);

/// <summary>How many resources each segment of a directory holds (index = segment number).</summary>
[GenerateSerializer, Immutable, Alias("scim.DirectoryCounts")]
public sealed record DirectoryCounts([property: Id(0)] long Total, [property: Id(1)] IReadOnlyList<int> PerSegment, [property: Id(2)] int SegmentSize);

/// <summary>A segment's answer to "which of your resources match": their sequence numbers, ascending, and their sort keys when asked.</summary>
[GenerateSerializer, Immutable, Alias("scim.SegmentMatches")]
public sealed record SegmentMatches([property: Id(0)] IReadOnlyList<long> Sequences, [property: Id(1)] IReadOnlyList<string?>? SortKeys = null);

/// <summary>Where a resource stands when a directory segment checks an entry against it.</summary>
[GenerateSerializer, Alias("scim.SnapshotState")]
public enum SnapshotState
{
    Missing,
    Committed,

    /// <summary>Being created or deleted right now; the segment leaves the entry for the writer to settle.</summary>
    InProgress,
}

[GenerateSerializer, Immutable, Alias("scim.ResourceSnapshot")]
public sealed record ResourceSnapshot([property: Id(0)] SnapshotState State, [property: Id(1)] DirectoryDocument? Document);
