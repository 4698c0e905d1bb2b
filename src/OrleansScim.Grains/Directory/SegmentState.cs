namespace OrleansScim.Grains.Directory;

/// <summary>Where an entry of a directory segment stands: its resource exists, is being created, or is being deleted.</summary>
[GenerateSerializer, Alias("scim.EntryStatus")]
public enum EntryStatus
{
    Present,
    Adding,
    Removing,
}

[GenerateSerializer, Immutable, Alias("scim.SegmentEntry")]
public sealed record SegmentEntry([property: Id(0)] string Id, [property: Id(1)] EntryStatus Status);

[GenerateSerializer, Alias("scim.SegmentEntriesState")]
public sealed class SegmentEntriesState
{
    [NonSerialized]
    private Dictionary<long, SegmentEntry>? _entries;

    [Id(1)] public long Generation { get; set; }

    /// <summary>
    /// The entries as one string (see <see cref="SegmentEntryCodec"/>): a dictionary of records costs the
    /// serializer a reference-tracking lookup per object, which showed up as the top cost of creates.
    /// </summary>
    [Id(2)] public string? Packed { get; set; }

    internal Dictionary<long, SegmentEntry> Entries => _entries ??= SegmentEntryCodec.Unpack(Packed);

    /// <summary>Refreshes <see cref="Packed"/> from <see cref="Entries"/>; called before every write.</summary>
    public void Pack() => Packed = SegmentEntryCodec.Pack(Entries);
}

[GenerateSerializer, Alias("scim.SegmentDocumentsState")]
public sealed class SegmentDocumentsState
{
    [Id(0)] public Dictionary<long, DirectoryDocument> Documents { get; set; } = [];

    /// <summary>True only when written by a clean deactivation: then every document matches its resource.</summary>
    [Id(1)] public bool Clean { get; set; }
}
