using System.Globalization;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Protocol.Filters;

/// <summary>Builds the invalidFilter errors; the detail names the character offset (0-based) and what is there.</summary>
internal static class FilterErrors
{
    // The detail goes back to the client; a bounded excerpt keeps a hostile filter from inflating it.
    private const int ExcerptLength = 24;

    public static ScimException At(string text, int position, string message)
    {
        var excerpt = position >= text.Length
            ? "end of filter"
            : "'" + Excerpt(text, position) + "'";
        return ScimException.InvalidFilter(string.Create(CultureInfo.InvariantCulture, $"{message} at position {position} ({excerpt})."));
    }

    public static ScimException At(string text, FilterToken token, string message) => At(text, token.Start, message);

    public static ScimException Invalid(string message) => ScimException.InvalidFilter(message);

    private static string Excerpt(string text, int position)
    {
        var length = Math.Min(ExcerptLength, text.Length - position);
        var end = position;
        while (end < position + length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end == position ? text.Substring(position, 1) : text[position..end];
    }
}
