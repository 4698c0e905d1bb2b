using System.Globalization;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// The persisted form of a segment's entries: <c>"{sequence} {status} {idLength} {id}\n"</c> per entry.
/// Hand-written because one string serializes in one step, where a dictionary of records is tracked
/// object by object; the length prefix keeps any id (whatever characters it has) unambiguous.
/// </summary>
public static class SegmentEntryCodec
{
    /// <summary>
    /// Written straight into a string of the exact length (numbers formatted in place): a segment's entries
    /// are packed for every write, and a StringBuilder with a string per number was a tenth of what a create
    /// allocated (gc-verbose trace of creates).
    /// </summary>
    public static string Pack(Dictionary<long, SegmentEntry> entries)
    {
        var length = 0;
        foreach (var (sequence, entry) in entries)
        {
            length += Digits(sequence) + 1 + Digits((int)entry.Status) + 1 + Digits(entry.Id.Length) + 1 + entry.Id.Length + 1;
        }

        return string.Create(length, entries, static (text, entries) =>
        {
            var position = 0;
            foreach (var (sequence, entry) in entries)
            {
                Append(text, ref position, sequence);
                Append(text, ref position, (int)entry.Status);
                Append(text, ref position, entry.Id.Length);
                entry.Id.AsSpan().CopyTo(text[position..]);
                position += entry.Id.Length;
                text[position++] = '\n';
            }
        });
    }

    private static void Append(Span<char> text, ref int position, long number)
    {
        number.TryFormat(text[position..], out var written, default, CultureInfo.InvariantCulture);
        position += written;
        text[position++] = ' ';
    }

    private static int Digits(long number)
    {
        var digits = 1;
        for (; number >= 10; number /= 10)
        {
            digits++;
        }

        return digits;
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
