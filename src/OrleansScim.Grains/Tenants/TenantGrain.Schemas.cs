using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tenants;

/// <summary>
/// The tenant's extension schemas and settings. Every change is written, then published as a new
/// snapshot, then announced to every silo (<see cref="ClusterCacheInvalidation"/>), so the next SCIM
/// request anywhere in the cluster sees it.
/// </summary>
public sealed partial class TenantGrain
{
    /// <summary>Bounds the tenant's state (Azure Table stores a grain state in under 1 MiB).</summary>
    public const int MaxSchemaExtensions = 10;

    public const int MaxSchemaJsonLength = 64 * 1024;

    private TenantSchemaConfiguration _schemaConfiguration = TenantSchemaConfiguration.None;

    public async Task<SchemaExtensionResult> PutSchemaExtensionAsync(string urn, string body, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return SchemaExtensionResult.Failed(404, $"Tenant '{TenantId}' does not exist.");
        }

        SchemaExtensionRegistration registration;
        try
        {
            registration = SchemaExtensionRegistration.Parse(urn, ScimJson.ParseObject(body));
        }
        catch (ScimException e)
        {
            return SchemaExtensionResult.Failed(400, e.Detail);
        }

        var schemaJson = registration.SchemaJson();
        if (schemaJson.Length > MaxSchemaJsonLength)
        {
            return SchemaExtensionResult.Failed(400, $"Schema '{urn}' is larger than {MaxSchemaJsonLength} characters once stored.");
        }

        var extensions = state.State.SchemaExtensions;
        var existing = extensions.FindIndex(e => string.Equals(e.Urn, urn, StringComparison.OrdinalIgnoreCase));
        if (extensions.FirstOrDefault(e => !string.Equals(e.Urn, urn, StringComparison.OrdinalIgnoreCase) && SchemaUrn.Overlaps(e.Urn, urn)) is { } clash)
        {
            return SchemaExtensionResult.Failed(409, $"Schema '{urn}' overlaps the registered schema '{clash.Urn}': one URN may not continue another, or attribute paths would be ambiguous.");
        }

        if (existing < 0 && extensions.Count >= MaxSchemaExtensions)
        {
            return SchemaExtensionResult.Failed(400, $"A tenant may register at most {MaxSchemaExtensions} extension schemas.");
        }

        var entry = new SchemaExtensionState { Urn = urn, ResourceType = registration.ResourceType, Required = registration.Required, SchemaJson = schemaJson };
        var updated = extensions.ToList();
        if (existing < 0)
        {
            updated.Add(entry);
        }
        else
        {
            updated[existing] = entry;
        }

        await CommitSchemaChangeAsync(() => state.State.SchemaExtensions = updated, cancellationToken);
        LogSchemaRegistered(logger, TenantId, urn);
        return SchemaExtensionResult.Stored(ToContract(entry));
    }

    public async Task<bool> DeleteSchemaExtensionAsync(string urn, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return false;
        }

        var remaining = state.State.SchemaExtensions.Where(e => !string.Equals(e.Urn, urn, StringComparison.OrdinalIgnoreCase)).ToList();
        if (remaining.Count == state.State.SchemaExtensions.Count)
        {
            return false;
        }

        await CommitSchemaChangeAsync(() => state.State.SchemaExtensions = remaining, cancellationToken);
        LogSchemaRemoved(logger, TenantId, urn);
        return true;
    }

    public async Task<TenantSettings?> ChangeSettingsAsync(TenantSettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Exists)
        {
            return null;
        }

        await CommitSchemaChangeAsync(
            () =>
            {
                state.State.RejectUndeclaredExtensions = change.RejectUndeclaredExtensions ?? state.State.RejectUndeclaredExtensions;
                state.State.StrictInput = change.StrictInput ?? state.State.StrictInput;
            },
            cancellationToken);
        return _schemaConfiguration.Settings;
    }

    public Task<TenantSchemaConfiguration> GetSchemaConfigurationAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_schemaConfiguration);

    /// <summary>
    /// Applies a change, writes it (undoing it in memory if the write fails), publishes the snapshot
    /// and waits until every silo dropped its cached schema set of this tenant.
    /// </summary>
    private async Task CommitSchemaChangeAsync(Action change, CancellationToken cancellationToken)
    {
        var extensions = state.State.SchemaExtensions;
        var reject = state.State.RejectUndeclaredExtensions;
        var strict = state.State.StrictInput;
        change();
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.SchemaExtensions = extensions;
            state.State.RejectUndeclaredExtensions = reject;
            state.State.StrictInput = strict;
            throw;
        }

        RefreshSchemaConfiguration();
        await ClusterCacheInvalidation.InvalidateTenantAsync(GrainFactory, TenantId, logger);
    }

    /// <summary>Rebuilds the snapshot <see cref="GetSchemaConfigurationAsync"/> hands out; called only with committed state.</summary>
    private void RefreshSchemaConfiguration() =>
        _schemaConfiguration = state.State.Incarnation is not { } incarnation
            ? TenantSchemaConfiguration.None
            : new TenantSchemaConfiguration(
                GrainKeys.TenantKey(TenantId, incarnation),
                [.. state.State.SchemaExtensions.Select(ToContract)],
                new TenantSettings(state.State.RejectUndeclaredExtensions, state.State.StrictInput));

    private static TenantSchemaExtension ToContract(SchemaExtensionState entry) =>
        new(entry.Urn, entry.ResourceType, entry.Required, entry.SchemaJson);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: extension schema {Urn} registered")]
    private static partial void LogSchemaRegistered(ILogger logger, string tenantId, string urn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: extension schema {Urn} removed")]
    private static partial void LogSchemaRemoved(ILogger logger, string tenantId, string urn);
}
