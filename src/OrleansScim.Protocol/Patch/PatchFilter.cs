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

    public static PatchFilter Create(string filterText, ResolvedPath attribute, string pathText)
    {
        try
        {
            var node = FilterParser.Parse(filterText);
            return new PatchFilter(node, ScimFilter.CreateValueFilter(node, attribute));
        }
        catch (ScimException e) when (e.ScimType == ScimErrorType.InvalidFilter)
        {
            // RFC 7644 §3.5.2: a malformed PATCH path, filter included, is "invalidPath".
            throw ScimException.InvalidPath($"Invalid filter in path '{pathText}': {e.Detail}");
        }
    }

    public bool Matches(JsonNode element) => _filter.Matches(element);

    /// <summary>
    /// When the filter only fixes sub-attribute values (<c>type eq "work"</c>, optionally and-ed), the
    /// element those values describe; used to create the element a replace addresses. Otherwise null.
    /// </summary>
    public JsonObject? CreateSeed()
    {
        var seed = new JsonObject();
        return Collect(_node, seed) ? seed : null;
    }

    private static bool Collect(FilterNode node, JsonObject seed)
    {
        switch (node)
        {
            case AndNode and:
                return Collect(and.Left, seed) && Collect(and.Right, seed);
            case ComparisonNode { Operator: ComparisonOperator.Equal, Path.SchemaUri: null, Path.SubAttribute: null } comparison:
                JsonNode? value = comparison.Value switch
                {
                    StringLiteral s => JsonValue.Create(s.Value),
                    BooleanLiteral b => JsonValue.Create(b.Value),
                    _ => null,
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
}
