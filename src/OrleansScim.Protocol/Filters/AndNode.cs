namespace OrleansScim.Protocol.Filters;

/// <summary><c>FILTER and FILTER</c>; a chain <c>a and b and c</c> parses left-associatively.</summary>
public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;
