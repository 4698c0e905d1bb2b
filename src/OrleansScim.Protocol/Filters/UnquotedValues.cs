using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Types a comparison value written without quotes (tolerant input, <see cref="UnquotedLiteral"/>) by the
/// attribute it is compared with: text for string, reference, binary and dateTime attributes (a dateTime
/// is then parsed as one), a boolean for boolean ones, a number for numeric ones. A value that does not
/// fit its attribute stays unquoted, and the value tests refuse it as they refuse any mismatched literal.
/// </summary>
internal static class UnquotedValues
{
    public static FilterLiteral Type(FilterLiteral literal, AttributeDefinition target)
    {
        if (literal is not UnquotedLiteral unquoted)
        {
            return literal;
        }

        return target.Type switch
        {
            AttributeType.Boolean => AsBoolean(unquoted) ?? literal,
            AttributeType.Integer or AttributeType.Decimal => JsonNumberText.IsValid(unquoted.Text) ? new NumberLiteral(unquoted.Text) : literal,
            AttributeType.Complex => literal,
            _ => new StringLiteral(unquoted.Text),
        };
    }

    /// <summary>An attribute no schema declares has no type: the text's own JSON kind decides, else it is text.</summary>
    public static FilterLiteral TypeUndeclared(FilterLiteral literal) => literal switch
    {
        UnquotedLiteral unquoted when AsBoolean(unquoted) is { } boolean => boolean,
        UnquotedLiteral unquoted when JsonNumberText.IsValid(unquoted.Text) => new NumberLiteral(unquoted.Text),
        UnquotedLiteral unquoted => new StringLiteral(unquoted.Text),
        _ => literal,
    };

    private static BooleanLiteral? AsBoolean(UnquotedLiteral unquoted) =>
        string.Equals(unquoted.Text, "true", StringComparison.OrdinalIgnoreCase) ? (BooleanLiteral)FilterLiteral.True
        : string.Equals(unquoted.Text, "false", StringComparison.OrdinalIgnoreCase) ? (BooleanLiteral)FilterLiteral.False
        : null;
}
