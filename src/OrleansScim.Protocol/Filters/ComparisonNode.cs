using OrleansScim.Protocol.Paths;

namespace OrleansScim.Protocol.Filters;

/// <summary><c>attrPath compareOp compValue</c>, e.g. <c>userName eq "bjensen"</c>.</summary>
public sealed record ComparisonNode(AttributePath Path, ComparisonOperator Operator, FilterLiteral Value) : FilterNode;
