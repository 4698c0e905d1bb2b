namespace OrleansScim.Protocol.Filters;

/// <summary><c>not (FILTER)</c>.</summary>
public sealed record NotNode(FilterNode Operand) : FilterNode;
