namespace OrleansScim.Protocol.Schemas;

/// <summary>
/// An attribute path resolved against a resource type: the extension it lives in (null for core and
/// common attributes), the attribute and, for <c>a.b</c> paths, the sub-attribute.
/// </summary>
public sealed record ResolvedPath(string? ExtensionUri, AttributeDefinition Attribute, AttributeDefinition? SubAttribute, bool IsUndeclared)
{
    /// <summary>The definition the path finally denotes.</summary>
    public AttributeDefinition Target => SubAttribute ?? Attribute;

    public bool CaseExact => Target.CaseExact;

    /// <summary>Canonical path text, e.g. <c>name.givenName</c> or <c>urn:…:User:manager.value</c>.</summary>
    public string CanonicalPath
    {
        get
        {
            var local = SubAttribute is null ? Attribute.Name : Attribute.Name + "." + SubAttribute.Name;
            return ExtensionUri is null ? local : ExtensionUri + ":" + local;
        }
    }
}
