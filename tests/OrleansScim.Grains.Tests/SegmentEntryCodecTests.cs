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

    /// <summary>The packed text is written at its exact length: numbers at every digit-count boundary and ids of 9, 10 and 100 characters.</summary>
    [Fact]
    public void PackThenUnpack_AtDigitBoundaries_ReturnsTheSameEntries()
    {
        var entries = new Dictionary<long, SegmentEntry>();
        long sequence = 1;
        for (var digits = 1; digits <= 18; digits++, sequence *= 10)
        {
            entries[sequence - 1] = new(new string('a', 9), EntryStatus.Present);
            entries[sequence] = new(new string('b', 10), EntryStatus.Adding);
        }

        entries[long.MaxValue] = new(new string('c', 100), EntryStatus.Removing);

        var packed = SegmentEntryCodec.Pack(entries);

        Assert.Equal(entries, SegmentEntryCodec.Unpack(packed));
        Assert.EndsWith("\n", packed, StringComparison.Ordinal);
    }

    /// <summary>The stored form stays what segments written before already hold.</summary>
    [Fact]
    public void Pack_WritesTheStoredForm()
    {
        var entries = new Dictionary<long, SegmentEntry> { [5] = new("ab", EntryStatus.Adding), [130] = new("x y", EntryStatus.Present) };

        Assert.Equal("5 1 2 ab\n130 0 3 x y\n", SegmentEntryCodec.Pack(entries));
    }

    [Fact]
    public void Unpack_OfNothing_IsEmpty()
    {
        Assert.Empty(SegmentEntryCodec.Unpack(null));
        Assert.Empty(SegmentEntryCodec.Unpack(""));
    }
}
