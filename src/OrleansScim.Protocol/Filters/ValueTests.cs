using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Chooses the value test for an operator, literal and attribute type, rejecting the combinations
/// RFC 7644 §3.4.2.2 gives no meaning (ordering booleans, <c>co</c> on numbers, strings for numbers).
/// The operator is never <c>ne</c> here: the binder negates <c>eq</c>.
/// </summary>
internal static class ValueTests
{
    public static IValueTest ForDeclared(ComparisonOperator op, FilterLiteral literal, AttributeDefinition target, string name) => target.Type switch
    {
        AttributeType.Boolean => ForBoolean(op, literal, name),
        AttributeType.Integer or AttributeType.Decimal => ForNumber(op, literal, name),
        AttributeType.DateTime => ForDateTime(op, literal, target, name),
        AttributeType.Complex => throw Invalid($"The complex attribute '{name}' cannot be compared as a whole; name a sub-attribute"),
        _ => literal is StringLiteral s
            ? new StringValueTest(op, s.Value, target.CaseExact, target.IdentityKeyed)
            : throw Invalid($"'{name}' is a string attribute; compare it with a quoted string"),
    };

    /// <summary>An undeclared extension attribute has no declared type: the literal's JSON kind decides.</summary>
    public static IValueTest ForUndeclared(ComparisonOperator op, FilterLiteral literal, string name) => literal switch
    {
        StringLiteral s => new StringValueTest(op, s.Value, caseExact: false),
        NumberLiteral => ForNumber(op, literal, name),
        _ => ForBoolean(op, literal, name),
    };

    private static BooleanValueTest ForBoolean(ComparisonOperator op, FilterLiteral literal, string name)
    {
        if (op != ComparisonOperator.Equal)
        {
            throw Invalid($"'{FilterFormatter.Format(op)}' cannot be used on the boolean '{name}'; use eq or ne");
        }

        // Azure AD sends booleans as strings ("True"/"False"); those two spellings mean the boolean.
        return literal switch
        {
            BooleanLiteral b => new BooleanValueTest(b.Value),
            StringLiteral s when JsonScalar.TryParseBoolean(s.Value, out var parsed) => new BooleanValueTest(parsed),
            _ => throw Invalid($"'{name}' is a boolean attribute; compare it with true or false"),
        };
    }

    private static NumberValueTest ForNumber(ComparisonOperator op, FilterLiteral literal, string name)
    {
        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            throw Invalid($"'{FilterFormatter.Format(op)}' cannot be used on the number '{name}'");
        }

        if (literal is not NumberLiteral number || !JsonNumberText.TryParse(number.Text, out var parsed))
        {
            throw Invalid($"'{name}' is a numeric attribute; compare it with a number");
        }

        return new NumberValueTest(op, parsed);
    }

    private static IValueTest ForDateTime(ComparisonOperator op, FilterLiteral literal, AttributeDefinition target, string name)
    {
        if (literal is not StringLiteral s)
        {
            throw Invalid($"'{name}' is a dateTime attribute; compare it with a quoted xsd:dateTime such as \"2026-01-01T00:00:00Z\"");
        }

        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            // Substring tests on a dateTime only make sense on its text.
            return new StringValueTest(op, s.Value, target.CaseExact);
        }

        if (!JsonScalar.TryParseDateTime(s.Value, out var instant))
        {
            throw Invalid($"'{s.Value}' is not a valid dateTime for '{name}'");
        }

        return new DateTimeValueTest(op, instant);
    }

    private static Errors.ScimException Invalid(string message) => FilterErrors.Invalid(message + ".");
}
