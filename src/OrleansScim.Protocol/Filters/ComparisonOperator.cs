namespace OrleansScim.Protocol.Filters;

/// <summary>The <c>compareOp</c> of RFC 7644 §3.4.2.2 (presence, <c>pr</c>, is its own node).</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Contains,
    StartsWith,
    EndsWith,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
