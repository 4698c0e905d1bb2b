namespace OrleansScim.Protocol.Filters;

/// <summary>Parses RFC 7644 §3.4.2.2 filter text into a <see cref="FilterNode"/> tree.</summary>
public static class FilterParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. Every problem, including exceeding a limit of
    /// <paramref name="options"/>, is a <see cref="Errors.ScimException"/> with scimType invalidFilter.
    /// </summary>
    public static FilterNode Parse(string text, FilterOptions? options = null) =>
        new FilterGrammar(text ?? "", options ?? FilterOptions.Default).ParseFilter();
}
