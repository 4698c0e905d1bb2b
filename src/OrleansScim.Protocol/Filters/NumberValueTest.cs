using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>eq and ordering on integer and decimal attributes, by numeric value rather than text.</summary>
internal sealed class NumberValueTest(ComparisonOperator op, JsonNumber literal) : IValueTest
{
    public bool Test(JsonNode value) =>
        JsonScalar.TryGetNumber(value, out var number) && Ordering.Holds(op, JsonNumber.Compare(number, literal));
}
