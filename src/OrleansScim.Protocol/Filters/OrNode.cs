namespace OrleansScim.Protocol.Filters;

/// <summary><c>FILTER or FILTER</c>; a chain <c>a or b or c</c> parses left-associatively.</summary>
public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;
