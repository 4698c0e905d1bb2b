namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>The two request dialects of the Azure AD provisioning service (see shared/design.md).</summary>
public enum Dialect
{
    /// <summary>Capitalised ops, booleans as "True"/"False", array-wrapped values, member removal by value array.</summary>
    Legacy,

    /// <summary>Lowercase ops, path-less replace with dotted and URN-qualified keys, member removal by value filter.</summary>
    Rfc,
}

/// <summary>How Azure AD writes an enterprise manager reference.</summary>
public enum ManagerForm
{
    /// <summary><c>"value":"id"</c></summary>
    BareId,

    /// <summary><c>"value":{"value":"id"}</c></summary>
    ValueObject,

    /// <summary><c>"value":[{"$ref":null,"value":"id"}]</c></summary>
    RefArray,
}
