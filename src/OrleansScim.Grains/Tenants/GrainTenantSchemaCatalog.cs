using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tenants;

/// <summary>
/// Builds a tenant's schema set from what its tenant grain holds: one grain call per lookup, so it is
/// always wrapped by <see cref="CachingTenantSchemaCatalog"/>.
/// </summary>
public sealed partial class GrainTenantSchemaCatalog(IGrainFactory grains, ILogger<GrainTenantSchemaCatalog> logger) : ITenantSchemaCatalog
{
    public async ValueTask<ScimSchemaSet> GetAsync(string tenantKey, CancellationToken cancellationToken = default)
    {
        var tenantId = GrainKeys.TenantIdOf(tenantKey);
        var configuration = await GrainReferences.Get<ITenantGrain>(grains, tenantId).GetSchemaConfigurationAsync(cancellationToken);
        return Build(configuration, tenantKey, logger);
    }

    /// <summary>
    /// The schema set for <paramref name="tenantKey"/>: the built-in one when the tenant registered nothing
    /// or the key space is no longer the tenant's current one (its data is being purged).
    /// </summary>
    public static ScimSchemaSet Build(TenantSchemaConfiguration configuration, string tenantKey, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.IsDefault || !string.Equals(configuration.TenantKey, tenantKey, StringComparison.Ordinal))
        {
            return ScimSchemaSet.Default;
        }

        var set = ScimSchemaSet.Default with
        {
            RejectUndeclaredExtensions = configuration.Settings.RejectUndeclaredExtensions,
            InputPolicy = configuration.Settings.InputPolicy,
        };
        foreach (var extension in configuration.Extensions)
        {
            try
            {
                var schema = SchemaDefinitionReader.ReadSchema(ScimJson.ParseTrusted(extension.SchemaJson));
                set = set.WithExtension(extension.ResourceType, schema, extension.Required);
            }
            catch (ScimException e)
            {
                // Stored schemas were validated when registered; one that no longer reads must not take the tenant down.
                LogUnreadableSchema(logger, e, GrainKeys.TenantIdOf(tenantKey), extension.Urn);
            }
        }

        return set;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId}: stored extension schema {Urn} cannot be read; it is ignored")]
    private static partial void LogUnreadableSchema(ILogger logger, Exception exception, string tenantId, string urn);
}
