using System.Globalization;
using System.Text;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Splits filter text into tokens in one left-to-right pass. A word runs until whitespace, a
/// bracket or a quote, so attribute paths (URNs included), operators, numbers and keywords are all
/// words and the parser decides what each one means from its position.
/// </summary>
internal sealed class FilterLexer(string text)
{
    private int _position;
    private FilterToken? _peeked;

    public string Text { get; } = text;

    public FilterToken Peek() => _peeked ??= Read();

    public FilterToken Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    private FilterToken Read()
    {
        while (_position < Text.Length && char.IsWhiteSpace(Text[_position]))
        {
            _position++;
        }

        var start = _position;
        if (start >= Text.Length)
        {
            return new FilterToken(FilterTokenKind.End, start, start, "");
        }

        var kind = Text[start] switch
        {
            '(' => FilterTokenKind.OpenParen,
            ')' => FilterTokenKind.CloseParen,
            '[' => FilterTokenKind.OpenBracket,
            ']' => FilterTokenKind.CloseBracket,
            '"' => FilterTokenKind.String,
            _ => FilterTokenKind.Word,
        };

        if (kind == FilterTokenKind.String)
        {
            var value = ReadString(start);
            return new FilterToken(kind, start, _position, value);
        }

        if (kind != FilterTokenKind.Word)
        {
            _position++;
            return new FilterToken(kind, start, _position, Text[start].ToString());
        }

        while (_position < Text.Length && !IsWordEnd(Text[_position]))
        {
            _position++;
        }

        return new FilterToken(kind, start, _position, Text[start.._position]);
    }

    private static bool IsWordEnd(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '"';

    /// <summary>Reads a JSON string (RFC 8259 §7) whose opening quote is at <paramref name="start"/>.</summary>
    private string ReadString(int start)
    {
        var builder = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= Text.Length)
            {
                throw FilterErrors.At(Text, start, "Unterminated string");
            }

            var c = Text[i];
            if (c == '"')
            {
                _position = i + 1;
                var value = builder.ToString();
                if (HasUnpairedSurrogate(value))
                {
                    throw FilterErrors.At(Text, start, "A \\u escape in the string is an unpaired UTF-16 surrogate");
                }

                return value;
            }

            if (c < ' ')
            {
                throw FilterErrors.At(Text, i, "Control characters must be escaped in a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= Text.Length)
            {
                throw FilterErrors.At(Text, start, "Unterminated string");
            }

            var escape = Text[i + 1];
            switch (escape)
            {
                case '"' or '\\' or '/':
                    builder.Append(escape);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    builder.Append(ReadUnicodeEscape(i));
                    i += 4;
                    break;
                default:
                    throw FilterErrors.At(Text, i, "Invalid escape sequence in string");
            }

            i += 2;
        }
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private char ReadUnicodeEscape(int backslash)
    {
        var digits = backslash + 2;
        if (digits + 4 > Text.Length
            || !ushort.TryParse(Text.AsSpan(digits, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw FilterErrors.At(Text, backslash, "Invalid \\u escape in string; expected four hex digits");
        }

        return (char)code;
    }
}
