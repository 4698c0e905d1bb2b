using OrleansScim.Protocol.Input;

namespace OrleansScim.Grains.Tenants;

/// <summary>An extension schema a tenant registered: <see cref="SchemaJson"/> is its RFC 7643 §7 representation without meta.</summary>
[GenerateSerializer, Immutable, Alias("scim.TenantSchemaExtension")]
public sealed record TenantSchemaExtension(
    [property: Id(0)] string Urn,
    [property: Id(1)] string ResourceType,
    [property: Id(2)] bool Required,
    [property: Id(3)] string SchemaJson);

/// <summary>
/// A tenant's protocol settings (admin API <c>/settings</c>): whether undeclared extensions are refused,
/// and whether input is read strictly (<see cref="InputPolicy.Strict"/>) instead of tolerantly. The two
/// are independent.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.TenantSettings")]
public sealed record TenantSettings([property: Id(0)] bool RejectUndeclaredExtensions, [property: Id(1)] bool StrictInput = false)
{
    public static TenantSettings Default { get; } = new(RejectUndeclaredExtensions: false);

    public InputPolicy InputPolicy => StrictInput ? InputPolicy.Strict : InputPolicy.Tolerant;
}

/// <summary>A change of some of a tenant's settings (admin <c>PUT …/settings</c>): null keeps the current value.</summary>
[GenerateSerializer, Immutable, Alias("scim.TenantSettingsChange")]
public sealed record TenantSettingsChange(
    [property: Id(0)] bool? RejectUndeclaredExtensions = null,
    [property: Id(1)] bool? StrictInput = null);

/// <summary>
/// What a tenant's schema set is built from. <see cref="TenantKey"/> is the current key space (null when
/// the tenant does not exist), so a caller holding a retired key space can tell the answer is not its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.TenantSchemaConfiguration")]
public sealed record TenantSchemaConfiguration(
    [property: Id(0)] string? TenantKey,
    [property: Id(1)] IReadOnlyList<TenantSchemaExtension> Extensions,
    [property: Id(2)] TenantSettings Settings)
{
    public static TenantSchemaConfiguration None { get; } = new(null, [], TenantSettings.Default);

    public bool IsDefault => Extensions.Count == 0 && Settings == TenantSettings.Default;
}

/// <summary>The answer to a schema registration: 200 with the stored extension, or 400/404/409 with a detail.</summary>
[GenerateSerializer, Immutable, Alias("scim.SchemaExtensionResult")]
public sealed record SchemaExtensionResult(
    [property: Id(0)] int Status,
    [property: Id(1)] string? Detail,
    [property: Id(2)] TenantSchemaExtension? Extension)
{
    public static SchemaExtensionResult Stored(TenantSchemaExtension extension) => new(200, null, extension);

    public static SchemaExtensionResult Failed(int status, string detail) => new(status, detail, null);
}
