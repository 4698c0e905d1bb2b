using System.Globalization;

namespace OrleansScim.Protocol.Filters;

/// <summary>RFC 8259 §6 number syntax, and numeric comparison of such texts.</summary>
internal static class JsonNumberText
{
    /// <summary><c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c></summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var i = 0;
        if (text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(text, i);
        }

        if (i < text.Length && text[i] == '.')
        {
            var afterDot = SkipDigits(text, i + 1);
            if (afterDot == i + 1)
            {
                return false;
            }

            i = afterDot;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var afterExponent = SkipDigits(text, i);
            if (afterExponent == i)
            {
                return false;
            }

            i = afterExponent;
        }

        return i == text.Length;
    }

    /// <summary>Parses JSON number text, exactly when it fits a decimal, approximately otherwise.</summary>
    public static bool TryParse(string text, out JsonNumber number)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            number = new JsonNumber(exact, (double)exact, IsExact: true);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && !double.IsNaN(approximate))
        {
            number = new JsonNumber(0m, approximate, IsExact: false);
            return true;
        }

        number = default;
        return false;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}

/// <summary>
/// A parsed number: decimal when the text fits (so <c>0.1 + 0.2</c> style rounding never decides a
/// match), otherwise a double (for exponents beyond the decimal range).
/// </summary>
internal readonly record struct JsonNumber(decimal Exact, double Approximate, bool IsExact)
{
    public static int Compare(JsonNumber left, JsonNumber right) =>
        left.IsExact && right.IsExact ? left.Exact.CompareTo(right.Exact) : left.Approximate.CompareTo(right.Approximate);
}
