namespace OrleansScim.Protocol.Filters;

/// <summary>Turns a three-way comparison result into the answer of an ordering or equality operator.</summary>
internal static class Ordering
{
    public static bool Holds(ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        _ => false,
    };
}
