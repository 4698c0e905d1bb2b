using System.Text;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// The key two values of userName, group displayName or an email address share exactly when a person
/// would take them for the same name: <c>ToUpperInvariant(NFKC(RemoveDefaultIgnorables(Trim(s))))</c>,
/// trimmed once more after the ignorable characters are gone. So <c>josé</c> (composed) and
/// <c>jose\u0301</c> (decomposed), full-width <c>ａｌｉｃｅ</c> and <c>alice</c>, a name with a zero-width space
/// in it and one without, and names with surrounding spaces are one name for uniqueness, lookups and
/// filters. The stored value stays as it was sent. Upper case as before normalization existed, so the
/// key of a value that needed no normalization is what it always was.
/// </summary>
public static class IdentityKey
{
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        var visible = RemoveDefaultIgnorables(trimmed);
        string normalized;
        try
        {
            normalized = visible.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (request bodies never are; parsing refuses unpaired surrogates): compare as sent.
            normalized = visible;
        }

        return normalized.Trim().ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="value"/> holds a C0 or C1 control character (U+0000–U+001F, U+007F–U+009F).</summary>
    public static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
        {
            if (c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                return true;
            }
        }

        return false;
    }

    private static string RemoveDefaultIgnorables(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\u00AD', '\uFFF8'))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var codePoint = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? char.ConvertToUtf32(value[i], value[i + 1])
                : value[i];
            if (!IsDefaultIgnorable(codePoint))
            {
                builder.Append(value, i, codePoint > 0xFFFF ? 2 : 1);
            }

            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15): characters that
    /// render as nothing, such as the soft hyphen, zero-width spaces and joiners, bidi marks, variation
    /// selectors and the byte-order mark. .NET exposes no such property, hence the table.
    /// </summary>
    private static bool IsDefaultIgnorable(int c) => c switch
    {
        0x00AD or 0x034F or 0x061C or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };
}
