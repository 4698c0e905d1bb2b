namespace OrleansScim.Host.Endpoints;

/// <summary>
/// Operators' audit trail of the admin API: which tenant and token changed (the request's scopes add who
/// asked: request id, and the tenant). A token's id may be logged; its secret never is.
/// </summary>
public sealed partial class AdminAudit(ILogger<AdminAudit> logger)
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} created with token {TokenId}")]
    public partial void TenantCreated(string tenantId, string tokenId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} deleted; its data is being purged")]
    public partial void TenantDeleted(string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token {TokenId} issued for tenant {TenantId}")]
    public partial void TokenIssued(string tenantId, string tokenId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token {TokenId} of tenant {TenantId} revoked")]
    public partial void TokenRevoked(string tenantId, string tokenId);
}
