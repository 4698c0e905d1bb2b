using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// eq and ordering on dateTime attributes as instants, so <c>2026-01-01T01:00:00+01:00</c> equals
/// <c>2026-01-01T00:00:00Z</c> and fractional seconds do not upset the order.
/// </summary>
internal sealed class DateTimeValueTest(ComparisonOperator op, DateTimeOffset literal) : IValueTest
{
    public bool Test(JsonNode value) =>
        JsonScalar.TryGetDateTime(value, out var stored) && Ordering.Holds(op, stored.CompareTo(literal));
}
