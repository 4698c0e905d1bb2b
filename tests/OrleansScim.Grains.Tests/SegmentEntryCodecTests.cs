using OrleansScim.Grains.Directory;

namespace OrleansScim.Grains.Tests;

public sealed class SegmentEntryCodecTests
{
    [Fact]
    public void PackThenUnpack_ReturnsTheSameEntries_WhateverCharactersIdsHave()
    {
        var entries = new Dictionary<long, SegmentEntry>
        {
            [0] = new("2819c223-7f76-453a-919d-413861904646", EntryStatus.Present),
            [7] = new("id with spaces 12 and\nnewlines", EntryStatus.Adding),
            [1_000_000_000_000] = new("", EntryStatus.Removing),
            [42] = new("ünïcødé/#?\\", EntryStatus.Present),
        };

        var unpacked = SegmentEntryCodec.Unpack(SegmentEntryCodec.Pack(entries));

        Assert.Equal(entries, unpacked);
    }

    [Fact]
    public void Unpack_OfNothing_IsEmpty()
    {
        Assert.Empty(SegmentEntryCodec.Unpack(null));
        Assert.Empty(SegmentEntryCodec.Unpack(""));
    }
}
