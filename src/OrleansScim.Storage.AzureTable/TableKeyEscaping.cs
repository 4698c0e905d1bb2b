using System.Buffers;
using System.Globalization;
using System.Text;

namespace OrleansScim.Storage.AzureTable;

/// <summary>
/// Injective, reversible escaping of arbitrary text into Azure Table key text.
/// </summary>
/// <remarks>
/// Escaped as <c>~</c> + two upper-case hex digits: the escape character <c>~</c>, the separator
/// <c>|</c>, the characters Azure forbids in keys (<c>/ \ # ?</c>, U+0000–U+001F, U+007F–U+009F),
/// and <c>%</c> and <c>'</c>, which Azure and Azurite accept on insert but then fail to address in
/// some point and batch operations. A lone UTF-16 surrogate, which cannot travel in the JSON
/// payload, becomes <c>~u</c> + four hex digits. Every other character is kept, so after
/// <c>~</c> comes either two hex digits or <c>u</c>: decoding is unambiguous, hence the mapping is
/// injective, and the output never contains <c>|</c>, which therefore separates escaped parts.
/// </remarks>
internal static class TableKeyEscaping
{
    public const char EscapeCharacter = '~';
    public const char Separator = '|';

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEF");

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsEscaping(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(EscapeCharacter).Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else if (IsEscaped(c))
            {
                builder.Append(EscapeCharacter).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        if (!escaped.Contains(EscapeCharacter, StringComparison.Ordinal))
        {
            return escaped;
        }

        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != EscapeCharacter)
            {
                builder.Append(c);
                continue;
            }

            var isLong = i + 1 < escaped.Length && escaped[i + 1] == 'u';
            var start = isLong ? i + 2 : i + 1;
            var digits = isLong ? 4 : 2;
            if (start + digits > escaped.Length || escaped.AsSpan(start, digits).ContainsAnyExcept(HexDigits))
            {
                throw new FormatException($"Malformed escape sequence at position {i} of an escaped table key.");
            }

            builder.Append((char)int.Parse(escaped.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            i = start + digits - 1;
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (IsEscaped(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEscaped(char c) =>
        c <= '\u001F'
        || c is >= '\u007F' and <= '\u009F'
        || c is EscapeCharacter or Separator or '/' or '\\' or '#' or '?' or '%' or '\'';
}
