using OrleansScim.Protocol.Paths;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// <c>attrPath "[" valFilter "]"</c>, e.g. <c>emails[type eq "work" and value co "@contoso"]</c>: true
/// when one element of <see cref="Attribute"/> satisfies <see cref="Filter"/>, whose paths name
/// sub-attributes of that element.
/// </summary>
public sealed record ValuePathNode(AttributePath Attribute, FilterNode Filter) : FilterNode;
