using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tenants;

/// <summary>Silo-local source of a tenant's schema set (built-in schemas plus the tenant's extensions).</summary>
public interface ITenantSchemaCatalog
{
    ValueTask<ScimSchemaSet> GetAsync(string tenantKey, CancellationToken cancellationToken = default);
}
