using System.Text.Json.Nodes;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// A filter bound to a resource type: every path resolved, every literal checked against the
/// attribute's type. Binding failures are invalidFilter errors; a bound filter never throws while
/// matching.
/// </summary>
public sealed class ScimFilter
{
    private readonly BoundFilter _bound;

    private ScimFilter(FilterNode node, ResourceTypeDefinition resourceType, BoundFilter bound, IReadOnlyList<ResolvedPath> referencedPaths)
    {
        Node = node;
        ResourceType = resourceType;
        _bound = bound;
        ReferencedPaths = referencedPaths;
        RequiredEqualities = FilterAnalysis.RequiredEqualities(bound);
    }

    public FilterNode Node { get; }

    public ResourceTypeDefinition ResourceType { get; }

    /// <summary>Every attribute path the filter uses, resolved (inside value paths: attribute plus sub-attribute).</summary>
    public IReadOnlyList<ResolvedPath> ReferencedPaths { get; }

    /// <summary>
    /// String equalities every matching resource satisfies, taken from the top-level node through
    /// <c>and</c> chains and value paths, never through <c>or</c> or <c>not</c>. Empty when the filter
    /// gives an index nothing to narrow by.
    /// </summary>
    public IReadOnlyList<FilterEquality> RequiredEqualities { get; }

    public static ScimFilter Parse(string text, ResourceTypeDefinition resourceType, FilterOptions? options = null) =>
        Create(FilterParser.Parse(text, options), resourceType, options);

    public static ScimFilter Create(FilterNode node, ResourceTypeDefinition resourceType, FilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(resourceType);
        options ??= FilterOptions.Default;
        FilterLimits.Check(node, options);
        var references = new List<ResolvedPath>();
        var bound = FilterBinder.BindResource(node, resourceType, references, options);
        return new ScimFilter(node, resourceType, bound, references);
    }

    /// <summary>
    /// Binds <paramref name="filter"/> (the inside of <c>attr[...]</c>, whose paths are sub-attribute
    /// names such as <c>type</c> and <c>value</c>) to the elements of a complex attribute. Used by the
    /// PATCH engine for paths like <c>emails[type eq "work"]</c>. <paramref name="attribute"/> must
    /// denote the attribute itself, not one of its sub-attributes.
    /// </summary>
    public static ValueFilter CreateValueFilter(FilterNode filter, ResolvedPath attribute, FilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(attribute);
        options ??= FilterOptions.Default;
        FilterLimits.Check(filter, options);
        return new ValueFilter(filter, attribute, FilterBinder.BindElement(filter, attribute, [], options));
    }

    public bool Matches(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _bound.Matches(resource);
    }

    /// <summary>
    /// Whether the filter touches <paramref name="attributePath"/> (e.g. <c>members</c>, or
    /// <c>name.givenName</c>). A path without a sub-attribute is touched by any of its sub-attributes;
    /// a whole-attribute reference such as <c>members eq "id"</c> touches each of its sub-attributes.
    /// </summary>
    public bool References(string attributePath)
    {
        if (!AttributePath.TryParse(attributePath, out var path) || ResourceType.Resolve(path) is not { } wanted)
        {
            return false;
        }

        foreach (var used in ReferencedPaths)
        {
            if (string.Equals(used.ExtensionUri, wanted.ExtensionUri, StringComparison.OrdinalIgnoreCase)
                && string.Equals(used.Attribute.Name, wanted.Attribute.Name, StringComparison.OrdinalIgnoreCase)
                && (wanted.SubAttribute is null || used.SubAttribute is null
                    || string.Equals(used.SubAttribute.Name, wanted.SubAttribute.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Node.ToString();
}
