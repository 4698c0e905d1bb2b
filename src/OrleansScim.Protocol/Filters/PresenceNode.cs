using OrleansScim.Protocol.Paths;

namespace OrleansScim.Protocol.Filters;

/// <summary><c>attrPath pr</c>: the attribute has a non-empty value.</summary>
public sealed record PresenceNode(AttributePath Path) : FilterNode;
