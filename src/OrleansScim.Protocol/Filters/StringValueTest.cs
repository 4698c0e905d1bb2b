using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// eq/co/sw/ew and ordering on strings, ordinal or ordinal-ignore-case by the attribute's caseExact
/// (RFC 7644 §3.4.2.2). A stored number or boolean is compared by its JSON text. Names compared by
/// their <see cref="IdentityKey"/> (userName, group displayName, emails) are compared that way on both
/// sides, as the index that answers equality finds them.
/// </summary>
internal sealed class StringValueTest(ComparisonOperator op, string literal, bool caseExact, bool identityKeyed = false) : IValueTest
{
    private readonly StringComparison _comparison = caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    private readonly string _literal = identityKeyed ? IdentityKey.Of(literal) : literal;

    public bool Test(JsonNode value)
    {
        if (!JsonScalar.TryGetText(value, out var text))
        {
            return false;
        }

        if (identityKeyed)
        {
            text = IdentityKey.Of(text);
        }

        var literal = _literal;

        return op switch
        {
            ComparisonOperator.Contains => text.Contains(literal, _comparison),
            ComparisonOperator.StartsWith => text.StartsWith(literal, _comparison),
            ComparisonOperator.EndsWith => text.EndsWith(literal, _comparison),
            _ => Ordering.Holds(op, string.Compare(text, literal, _comparison)),
        };
    }
}
