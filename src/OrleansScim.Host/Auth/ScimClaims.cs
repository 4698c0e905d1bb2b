namespace OrleansScim.Host.Auth;

/// <summary>Claim types and scheme names of the two callers: identity providers (tenant tokens) and operators (admin key).</summary>
public static class ScimClaims
{
    public const string TenantTokenScheme = "TenantToken";
    public const string AdminKeyScheme = "AdminKey";
    public const string TenantPolicy = "Tenant";
    public const string AdminPolicy = "Admin";

    public const string TenantId = "scim:tenant_id";
    public const string TenantKey = "scim:tenant_key";
    public const string TokenId = "scim:token_id";
}
