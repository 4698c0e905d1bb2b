using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Filters;

/// <summary>The filter of a value path bound to one complex attribute, evaluated element by element.</summary>
public sealed class ValueFilter
{
    private readonly BoundFilter _bound;

    internal ValueFilter(FilterNode node, ResolvedPath attribute, BoundFilter bound)
    {
        Node = node;
        Attribute = attribute;
        _bound = bound;
    }

    public FilterNode Node { get; }

    public ResolvedPath Attribute { get; }

    /// <summary>Whether one element of the attribute satisfies the filter; a non-object element never does.</summary>
    public bool Matches(JsonNode? element) => element is JsonObject obj && _bound.Matches(obj);

    public override string ToString() => Node.ToString();
}
