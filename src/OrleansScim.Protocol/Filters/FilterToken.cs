namespace OrleansScim.Protocol.Filters;

internal enum FilterTokenKind
{
    End,
    Word,
    String,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
}

/// <summary>
/// One token: <see cref="Start"/>/<see cref="End"/> locate it in the filter text for error messages;
/// <see cref="Value"/> is the word itself or, for strings, the unescaped content.
/// </summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, int Start, int End, string Value)
{
    public bool IsWord(string keyword) =>
        Kind == FilterTokenKind.Word && string.Equals(Value, keyword, StringComparison.OrdinalIgnoreCase);
}
