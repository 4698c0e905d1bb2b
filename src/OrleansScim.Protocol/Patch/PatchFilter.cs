using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>The value filter of a PATCH path (<c>emails[type eq "work"]</c>), bound to its attribute.</summary>
public sealed class PatchFilter
{
    private readonly FilterNode _node;
    private readonly ValueFilter _filter;

    private PatchFilter(FilterNode node, ValueFilter filter)
    {
        _node = node;
        _filter = filter;
    }

    public static PatchFilter Create(string filterText, ResolvedPath attribute, string pathText, FilterOptions options)
    {
        try
        {
            var node = FilterParser.Parse(filterText, options);
            return new PatchFilter(node, ScimFilter.CreateValueFilter(node, attribute, options));
        }
        catch (ScimException e) when (e.ScimType == ScimErrorType.InvalidFilter)
        {
            // RFC 7644 §3.5.2: a malformed PATCH path, filter included, is "invalidPath".
            throw ScimException.InvalidPath($"Invalid filter in path '{pathText}': {e.Detail}");
        }
    }

    public bool Matches(JsonNode element) => _filter.Matches(element);

    /// <summary>The filter's canonical text.</summary>
    public override string ToString() => _node.ToString();

    /// <summary>
    /// When the filter only fixes sub-attribute values (<c>value eq "id"</c>, <c>type eq "work"</c>,
    /// optionally and-ed), the values it fixes; otherwise null. A replace of a whole matched element keeps
    /// them, and a group reads <c>members[value eq "id"]</c> as that one member.
    /// </summary>
    public JsonObject? FixedValues()
    {
        var seed = new JsonObject();
        return Collect(_node, seed) ? seed : null;
    }

    /// <summary>
    /// The element an add or replace creates when nothing matches: only for a filter that is exactly one
    /// <c>type eq "&lt;string&gt;"</c> comparison, Entra's <c>emails[type eq "work"].value</c>,
    /// <c>phoneNumbers[type eq "mobile"].value</c> or <c>addresses[type eq "work"].locality</c>. Any other
    /// filter that matches nothing is noTarget (RFC 7644 §3.5.2.3): it does not describe one element.
    /// </summary>
    public JsonObject? CreationSeed() =>
        _node is ComparisonNode { Operator: ComparisonOperator.Equal, Path: { SchemaUri: null, SubAttribute: null } path } comparison
        && string.Equals(path.Name, "type", StringComparison.OrdinalIgnoreCase)
        && TextOf(comparison.Value) is { } type
            ? new JsonObject { [path.Name] = type }
            : null;

    private static bool Collect(FilterNode node, JsonObject seed)
    {
        switch (node)
        {
            case AndNode and:
                return Collect(and.Left, seed) && Collect(and.Right, seed);
            case ComparisonNode { Operator: ComparisonOperator.Equal, Path.SchemaUri: null, Path.SubAttribute: null } comparison:
                JsonNode? value = comparison.Value switch
                {
                    BooleanLiteral b => JsonValue.Create(b.Value),
                    _ => TextOf(comparison.Value) is { } text ? JsonValue.Create(text) : null,
                };
                if (value is null || seed.ContainsKey(comparison.Path.Name))
                {
                    return false;
                }

                seed[comparison.Path.Name] = value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A quoted string, or (tolerant input) an unquoted value, which the schema types as it is stored.</summary>
    private static string? TextOf(FilterLiteral literal) => literal switch
    {
        StringLiteral s => s.Value,
        UnquotedLiteral u => u.Text,
        _ => null,
    };
}
