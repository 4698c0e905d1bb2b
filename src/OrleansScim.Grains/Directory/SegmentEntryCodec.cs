using System.Globalization;
using System.Text;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// The persisted form of a segment's entries: <c>"{sequence} {status} {idLength} {id}\n"</c> per entry.
/// Hand-written because one string serializes in one step, where a dictionary of records is tracked
/// object by object; the length prefix keeps any id (whatever characters it has) unambiguous.
/// </summary>
public static class SegmentEntryCodec
{
    public static string Pack(Dictionary<long, SegmentEntry> entries)
    {
        var text = new StringBuilder(entries.Count * 48);
        foreach (var (sequence, entry) in entries)
        {
            text.Append(sequence.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append((int)entry.Status).Append(' ')
                .Append(entry.Id.Length.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(entry.Id).Append('\n');
        }

        return text.ToString();
    }

    public static Dictionary<long, SegmentEntry> Unpack(string? packed)
    {
        var entries = new Dictionary<long, SegmentEntry>();
        var position = 0;
        while (packed is not null && position < packed.Length)
        {
            var sequence = long.Parse(Next(packed, ref position), CultureInfo.InvariantCulture);
            var status = (EntryStatus)int.Parse(Next(packed, ref position), CultureInfo.InvariantCulture);
            var length = int.Parse(Next(packed, ref position), CultureInfo.InvariantCulture);
            entries[sequence] = new SegmentEntry(packed.Substring(position, length), status);
            position += length + 1;
        }

        return entries;
    }

    private static ReadOnlySpan<char> Next(string packed, ref int position)
    {
        var end = packed.IndexOf(' ', position);
        var token = packed.AsSpan(position, end - position);
        position = end + 1;
        return token;
    }
}
