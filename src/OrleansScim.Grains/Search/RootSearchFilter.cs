using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Search;

/// <summary>What a root search filter asks of one resource type.</summary>
/// <param name="ResourceType">The resource type name.</param>
/// <param name="Filter">The filter to run against that type; null with <paramref name="MatchesNothing"/> false means "every resource".</param>
/// <param name="MatchesNothing">True when no resource of that type can match, so the type need not be asked.</param>
public sealed record TypeFilter(string ResourceType, string? Filter, bool MatchesNothing);

/// <summary>
/// Splits a filter sent to the SCIM root (RFC 7644 §3.4.3 "/.search" over all resource types) into
/// one filter per resource type. An attribute a type does not define is treated like an attribute a
/// resource does not have: <c>eq</c>, <c>co</c>, <c>gt</c>…, <c>pr</c> and value paths on it are false,
/// <c>ne</c> is true, and the rest of the expression is simplified around that. So
/// <c>userName eq "a" or displayName eq "b"</c> asks users for either and groups for the second only.
/// The filter is refused (400 invalidFilter) when it names an attribute no type defines, or when it
/// cannot be bound for any type that is left with something to evaluate.
/// </summary>
public static class RootSearchFilter
{
    public static IReadOnlyList<TypeFilter> ForEachType(string? filterText, IReadOnlyList<ResourceTypeDefinition> types, FilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (filterText is null)
        {
            return [.. types.Select(t => new TypeFilter(t.Name, null, MatchesNothing: false))];
        }

        var node = FilterParser.Parse(filterText, options);
        foreach (var path in AttributePaths(node))
        {
            if (types.All(t => Resolve(t, path) is null))
            {
                throw ScimException.InvalidFilter($"Unknown attribute '{path}': no resource type defines it.");
            }
        }

        var result = new List<TypeFilter>(types.Count);
        ScimException? firstError = null;
        var anyBound = false;
        foreach (var type in types)
        {
            var reduced = Reduce(node, type);
            if (reduced.Constant is { } constant)
            {
                result.Add(new TypeFilter(type.Name, null, MatchesNothing: !constant));
                continue;
            }

            try
            {
                ScimFilter.Create(reduced.Node!, type, options);
                anyBound = true;
                result.Add(new TypeFilter(type.Name, reduced.Node!.ToString(), MatchesNothing: false));
            }
            catch (ScimException e) when (e.ScimType == ScimErrorType.InvalidFilter)
            {
                firstError ??= e;
                result.Add(new TypeFilter(type.Name, null, MatchesNothing: true));
            }
        }

        return !anyBound && firstError is not null ? throw firstError : result;
    }

    /// <summary>The resource-level attribute paths a filter names (a value path's attribute, not its sub-attributes).</summary>
    private static IEnumerable<AttributePath> AttributePaths(FilterNode node) => node switch
    {
        AndNode and => AttributePaths(and.Left).Concat(AttributePaths(and.Right)),
        OrNode or => AttributePaths(or.Left).Concat(AttributePaths(or.Right)),
        NotNode not => AttributePaths(not.Operand),
        ComparisonNode comparison => [comparison.Path],
        PresenceNode presence => [presence.Path],
        ValuePathNode valuePath => [valuePath.Attribute],
        _ => [],
    };

    private static Reduced Reduce(FilterNode node, ResourceTypeDefinition type)
    {
        switch (node)
        {
            case AndNode and:
                var left = Reduce(and.Left, type);
                if (left.Constant == false)
                {
                    return Reduced.False;
                }

                var right = Reduce(and.Right, type);
                return left.Constant == true ? right
                    : right.Constant == false ? Reduced.False
                    : right.Constant == true ? left
                    : new Reduced(new AndNode(left.Node!, right.Node!), null);
            case OrNode or:
                var first = Reduce(or.Left, type);
                if (first.Constant == true)
                {
                    return Reduced.True;
                }

                var second = Reduce(or.Right, type);
                return first.Constant == false ? second
                    : second.Constant == true ? Reduced.True
                    : second.Constant == false ? first
                    : new Reduced(new OrNode(first.Node!, second.Node!), null);
            case NotNode not:
                var operand = Reduce(not.Operand, type);
                return operand.Constant is { } value ? new Reduced(null, !value) : new Reduced(new NotNode(operand.Node!), null);
            case ComparisonNode comparison when Resolve(type, comparison.Path) is null:
                return new Reduced(null, AbsentAttributeMatches(comparison));
            case PresenceNode presence when Resolve(type, presence.Path) is null:
                return Reduced.False;
            case ValuePathNode valuePath when Resolve(type, valuePath.Attribute) is null:
                return Reduced.False;
            default:
                return new Reduced(node, null);
        }
    }

    /// <summary>Resolves a filter's path; an unqualified name two registered extensions define is invalidFilter here.</summary>
    private static ResolvedPath? Resolve(ResourceTypeDefinition type, AttributePath path)
    {
        try
        {
            return type.Resolve(path);
        }
        catch (ScimException e) when (e.ScimType == ScimErrorType.InvalidPath)
        {
            throw ScimException.InvalidFilter(e.Detail);
        }
    }

    /// <summary>How a comparison evaluates on a resource without the attribute (the filter engine's own rules).</summary>
    private static bool AbsentAttributeMatches(ComparisonNode comparison) => (comparison.Operator, comparison.Value) switch
    {
        (ComparisonOperator.Equal, NullLiteral) => true,
        (ComparisonOperator.NotEqual, NullLiteral) => false,
        (ComparisonOperator.NotEqual, _) => true,
        _ => false,
    };

    /// <summary>A filter reduced for one type: either a constant or a node left to evaluate.</summary>
    private sealed record Reduced(FilterNode? Node, bool? Constant)
    {
        public static Reduced True { get; } = new(null, true);

        public static Reduced False { get; } = new(null, false);
    }
}
