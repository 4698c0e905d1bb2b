using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Resolves every path of a filter against a resource type (or, inside a value path, against the
/// sub-attributes of one attribute), checks operators and literals against the attribute types the
/// schema declares, and builds the <see cref="BoundFilter"/> tree that evaluates it.
/// </summary>
internal sealed class FilterBinder
{
    private readonly ResourceTypeDefinition? _resourceType;
    private readonly ResolvedPath? _element;
    private readonly List<ResolvedPath> _references;
    private readonly FilterOptions _options;

    private FilterBinder(ResourceTypeDefinition? resourceType, ResolvedPath? element, List<ResolvedPath> references, FilterOptions options)
    {
        _resourceType = resourceType;
        _element = element;
        _references = references;
        _options = options;
    }

    /// <summary>Binds a filter over whole resources.</summary>
    public static BoundFilter BindResource(FilterNode node, ResourceTypeDefinition resourceType, List<ResolvedPath> references, FilterOptions options) =>
        new FilterBinder(resourceType, null, references, options).Bind(node);

    /// <summary>Binds a filter over the elements of <paramref name="attribute"/> (its paths are sub-attribute names).</summary>
    public static BoundFilter BindElement(FilterNode node, ResolvedPath attribute, List<ResolvedPath> references, FilterOptions options)
    {
        RequireComplex(attribute);
        return new FilterBinder(null, attribute, references, options).Bind(node);
    }

    private BoundFilter Bind(FilterNode node) => node switch
    {
        AndNode and => new BoundAnd(Bind(and.Left), Bind(and.Right)),
        OrNode or => new BoundOr(Bind(or.Left), Bind(or.Right)),
        NotNode not => new BoundNot(Bind(not.Operand)),
        PresenceNode presence => BindPresence(presence),
        ComparisonNode comparison => BindComparison(comparison),
        ValuePathNode valuePath => BindValuePath(valuePath),
        _ => throw new ArgumentException("Unknown filter node " + node?.GetType().Name, nameof(node)),
    };

    private BoundTest BindPresence(PresenceNode presence)
    {
        var resolved = Resolve(presence.Path);
        return new BoundTest(Selector(resolved), PresenceValueTest.Instance, equality: null);
    }

    private BoundFilter BindComparison(ComparisonNode comparison)
    {
        var resolved = Resolve(comparison.Path);
        var op = comparison.Operator;
        var literal = comparison.Value;
        var name = comparison.Path.ToString();

        if (literal is NullLiteral)
        {
            // RFC 7644 §3.4.2.2 has no null semantics beyond presence: "eq null" is "not present".
            var present = new BoundTest(Selector(resolved), PresenceValueTest.Instance, equality: null);
            return op switch
            {
                ComparisonOperator.Equal => new BoundNot(present),
                ComparisonOperator.NotEqual => present,
                _ => throw Invalid($"Only eq and ne can compare '{name}' with null"),
            };
        }

        // ne is the negation of eq, so an attribute that is absent is "ne" every value.
        var testOp = op == ComparisonOperator.NotEqual ? ComparisonOperator.Equal : op;
        IValueTest test;
        if (resolved.IsUndeclared)
        {
            literal = UnquotedValues.TypeUndeclared(literal);
            test = ValueTests.ForUndeclared(testOp, literal, name);
            if (resolved.SubAttribute is null)
            {
                test = new ImplicitValueTest(test);
            }
        }
        else
        {
            if (resolved.Target.IsComplex)
            {
                resolved = WithImplicitValue(resolved, op, name);
            }

            literal = UnquotedValues.Type(literal, resolved.Target);
            test = ValueTests.ForDeclared(testOp, literal, resolved.Target, name);
        }

        var equality = op == ComparisonOperator.Equal && test is StringValueTest or ImplicitValueTest && literal is StringLiteral s
            ? new FilterEquality(resolved.CanonicalPath, s.Value, resolved.IsUndeclared ? false : resolved.CaseExact)
            : null;
        var bound = new BoundTest(Selector(resolved), test, op == ComparisonOperator.NotEqual ? null : equality);
        return op == ComparisonOperator.NotEqual ? new BoundNot(bound) : bound;
    }

    private BoundValuePath BindValuePath(ValuePathNode valuePath)
    {
        if (_element is not null)
        {
            throw Invalid($"Value paths cannot be nested ('{valuePath.Attribute}' inside '{_element.Attribute.Name}')");
        }

        if (valuePath.Attribute.SubAttribute is not null)
        {
            throw Invalid($"A value path applies to an attribute, not to the sub-attribute '{valuePath.Attribute}'");
        }

        var resolved = Resolve(valuePath.Attribute);
        RequireComplex(resolved);
        var inner = new FilterBinder(null, resolved, _references, _options).Bind(valuePath.Filter);
        return new BoundValuePath(Selector(resolved), inner);
    }

    /// <summary>
    /// A complex attribute compared without a sub-attribute (<c>emails co "@x"</c>, <c>members eq "id"</c>)
    /// compares its <c>value</c> sub-attribute; ordering such an attribute has no meaning.
    /// </summary>
    private static ResolvedPath WithImplicitValue(ResolvedPath resolved, ComparisonOperator op, string name)
    {
        if (op is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual or ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual)
        {
            throw Invalid($"'{FilterFormatter.Format(op)}' cannot compare the complex attribute '{name}'; name a sub-attribute");
        }

        var value = resolved.Target.FindSubAttribute("value")
            ?? throw Invalid($"The complex attribute '{name}' cannot be compared as a whole; name a sub-attribute");
        return resolved with { SubAttribute = value };
    }

    private ResolvedPath Resolve(AttributePath path)
    {
        var resolved = _element is null ? ResolveOnResource(path) : ResolveOnElement(path, _element);
        if (resolved.Attribute.Returned == Returned.Never || resolved.SubAttribute?.Returned == Returned.Never)
        {
            // A filter on a never-returned attribute (password) would let a client probe its value.
            throw Invalid($"The attribute '{path}' cannot be used in a filter");
        }

        _references.Add(resolved);
        return resolved;
    }

    private ResolvedPath ResolveOnResource(AttributePath path)
    {
        ResolvedPath? resolved;
        try
        {
            resolved = _resourceType!.Resolve(path);
        }
        catch (Errors.ScimException e) when (e.ScimType == Errors.ScimErrorType.InvalidPath)
        {
            // An unqualified name two registered extensions define: in a filter that is invalidFilter.
            throw FilterErrors.Invalid(e.Detail);
        }

        return resolved ?? throw Invalid($"Unknown attribute '{path}' for resource type '{_resourceType.Name}'");
    }

    private static ResolvedPath ResolveOnElement(AttributePath path, ResolvedPath element)
    {
        if (path.SchemaUri is not null || path.SubAttribute is not null)
        {
            throw Invalid($"Inside a value path on '{element.Attribute.Name}' only sub-attribute names are allowed, not '{path}'");
        }

        if (element.IsUndeclared)
        {
            return element with { SubAttribute = new AttributeDefinition { Name = path.Name } };
        }

        var sub = element.Attribute.FindSubAttribute(path.Name)
            ?? throw Invalid($"Unknown sub-attribute '{path.Name}' of '{element.Attribute.Name}'");
        return element with { SubAttribute = sub };
    }

    /// <summary>Steps from the context object: on a resource the full path, inside a value path the sub-attribute.</summary>
    private ValueSelector Selector(ResolvedPath resolved)
    {
        var steps = new List<string>(3);
        if (_element is null)
        {
            if (resolved.ExtensionUri is not null)
            {
                steps.Add(resolved.ExtensionUri);
            }

            steps.Add(resolved.Attribute.Name);
        }

        if (resolved.SubAttribute is not null)
        {
            steps.Add(resolved.SubAttribute.Name);
        }

        return new ValueSelector(steps);
    }

    private static void RequireComplex(ResolvedPath attribute)
    {
        if (attribute.SubAttribute is not null)
        {
            throw new ArgumentException($"A value filter applies to an attribute, not to the sub-attribute '{attribute.CanonicalPath}'.", nameof(attribute));
        }

        if (!attribute.IsUndeclared && !attribute.Attribute.IsComplex)
        {
            throw Invalid($"'{attribute.Attribute.Name}' is not a complex attribute, so it cannot take a value filter");
        }
    }

    private static Errors.ScimException Invalid(string message) => FilterErrors.Invalid(message + ".");
}
