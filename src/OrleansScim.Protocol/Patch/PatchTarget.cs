using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>
/// A PATCH path resolved against a resource type: the attribute (core, common or extension), an
/// optional value filter selecting elements of a multi-valued attribute, and an optional sub-attribute.
/// </summary>
public sealed record PatchTarget(string Text, ResolvedPath Attribute, PatchFilter? Filter, AttributeDefinition? SubAttribute)
{
    public string AttributeName => Attribute.Attribute.Name;

    /// <summary>True when the target is the given top-level core attribute, e.g. Group "members".</summary>
    public bool IsCoreAttribute(string name) =>
        Attribute.ExtensionUri is null && string.Equals(Attribute.Attribute.Name, name, StringComparison.OrdinalIgnoreCase);
}
