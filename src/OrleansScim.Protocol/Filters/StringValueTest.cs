using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// eq/co/sw/ew and ordering on strings, ordinal or ordinal-ignore-case by the attribute's caseExact
/// (RFC 7644 §3.4.2.2). A stored number or boolean is compared by its JSON text.
/// </summary>
internal sealed class StringValueTest(ComparisonOperator op, string literal, bool caseExact) : IValueTest
{
    private readonly StringComparison _comparison = caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public bool Test(JsonNode value)
    {
        if (!JsonScalar.TryGetText(value, out var text))
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Contains => text.Contains(literal, _comparison),
            ComparisonOperator.StartsWith => text.StartsWith(literal, _comparison),
            ComparisonOperator.EndsWith => text.EndsWith(literal, _comparison),
            _ => Ordering.Holds(op, string.Compare(text, literal, _comparison)),
        };
    }
}
