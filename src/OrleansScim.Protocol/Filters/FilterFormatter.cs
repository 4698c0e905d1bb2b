using System.Globalization;
using System.Text;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Renders a filter tree as canonical text that <see cref="FilterParser"/> reads back into an equal
/// tree: parentheses appear exactly where the left-associative, and-before-or grammar needs them.
/// </summary>
internal static class FilterFormatter
{
    public static string Format(FilterNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    public static string Format(FilterLiteral literal) => literal switch
    {
        StringLiteral s => Quote(s.Value),
        NumberLiteral n => n.Text,
        BooleanLiteral { Value: true } => "true",
        BooleanLiteral => "false",
        UnquotedLiteral u => u.Text,
        _ => "null",
    };

    public static string Format(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "eq",
        ComparisonOperator.NotEqual => "ne",
        ComparisonOperator.Contains => "co",
        ComparisonOperator.StartsWith => "sw",
        ComparisonOperator.EndsWith => "ew",
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.GreaterThanOrEqual => "ge",
        ComparisonOperator.LessThan => "lt",
        ComparisonOperator.LessThanOrEqual => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static void Append(StringBuilder builder, FilterNode node)
    {
        switch (node)
        {
            case ComparisonNode comparison:
                builder.Append(comparison.Path).Append(' ').Append(Format(comparison.Operator)).Append(' ').Append(Format(comparison.Value));
                break;
            case PresenceNode presence:
                builder.Append(presence.Path).Append(" pr");
                break;
            case AndNode and:
                AppendOperand(builder, and.Left, parenthesize: and.Left is OrNode);
                builder.Append(" and ");
                AppendOperand(builder, and.Right, parenthesize: and.Right is OrNode or AndNode);
                break;
            case OrNode or:
                AppendOperand(builder, or.Left, parenthesize: false);
                builder.Append(" or ");
                AppendOperand(builder, or.Right, parenthesize: or.Right is OrNode);
                break;
            case NotNode not:
                builder.Append("not ");
                AppendOperand(builder, not.Operand, parenthesize: true);
                break;
            case ValuePathNode valuePath:
                builder.Append(valuePath.Attribute).Append('[');
                Append(builder, valuePath.Filter);
                builder.Append(']');
                break;
            default:
                throw new ArgumentException("Unknown filter node " + node.GetType().Name, nameof(node));
        }
    }

    private static void AppendOperand(StringBuilder builder, FilterNode node, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        Append(builder, node);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    /// <summary>JSON string syntax; only what JSON requires is escaped, so the text stays readable.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
