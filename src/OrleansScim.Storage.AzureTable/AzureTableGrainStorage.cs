using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Configuration.Overrides;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrleansScim.Storage.AzureTable;

/// <summary>
/// Grain storage on Azure Table storage: one entity per grain state, partitioned by tenant (see
/// <see cref="GrainStateTableKeys"/>), state split over up to 15 binary properties (960 KiB).
/// </summary>
public sealed class AzureTableGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Transactions hold at most 100 operations.</summary>
    private const int MaxTransactionSize = 100;

    private static readonly string[] KeyColumns = [nameof(TableEntity.PartitionKey), nameof(TableEntity.RowKey)];

    private readonly string _name;
    private readonly string _serviceId;
    private readonly AzureTableGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger _logger;
    private readonly Lazy<TableClient> _table;

    public AzureTableGrainStorage(
        string name,
        AzureTableGrainStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IGrainStorageSerializer defaultSerializer,
        IActivatorProvider activatorProvider,
        ILogger<AzureTableGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _options = options;
        _serviceId = clusterOptions.Value.ServiceId;
        _serializer = options.GrainStorageSerializer ?? defaultSerializer;
        _activatorProvider = activatorProvider;
        _logger = logger;

        // Built on first use so that a bad configuration is reported by the options validator first.
        _table = new Lazy<TableClient>(() => TableClientFactory.Create(options));
    }

    /// <summary>The name this storage is registered under.</summary>
    public string Name => _name;

    /// <summary>The table holding the state.</summary>
    public string TableName => _options.TableName;

    internal static AzureTableGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<AzureTableGrainStorage>(
            services, name, options, services.GetProviderClusterOptions(name));
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<AzureTableGrainStorage>(_name), _options.InitStage, InitializeAsync);
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var keys = GrainStateTableKeys.For(_serviceId, grainId, stateName);
        NullableResponse<TableEntity> response;
        try
        {
            response = await _table.Value.GetEntityIfExistsAsync<TableEntity>(keys.PartitionKey, keys.RowKey).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            AzureTableGrainStorageLog.OperationFailed(_logger, "read", _name, grainId, stateName, exception.Status, exception);
            throw;
        }

        if (!response.HasValue)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var entity = response.Value!;
        var data = StateChunks.Read(entity);
        grainState.State = data.Length == 0
            ? CreateInstance<T>()
            : _serializer.Deserialize<T>(new BinaryData(data)) ?? CreateInstance<T>();
        grainState.ETag = entity.ETag.ToString();
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var keys = GrainStateTableKeys.For(_serviceId, grainId, stateName);
        var data = _serializer.Serialize(grainState.State).ToMemory();
        if (data.Length > StateChunks.MaxStateBytes)
        {
            AzureTableGrainStorageLog.StateTooLarge(_logger, _name, grainId, stateName, data.Length, StateChunks.MaxStateBytes);
        }

        StateChunks.EnsureFits(data.Length, $"state '{stateName}' of grain {grainId}");
        var entity = new TableEntity(keys.PartitionKey, keys.RowKey);
        StateChunks.Write(data, entity);

        Response response;
        try
        {
            response = grainState.ETag is null
                ? await _table.Value.AddEntityAsync(entity).ConfigureAwait(false)
                : await _table.Value.UpdateEntityAsync(entity, new ETag(grainState.ETag), TableUpdateMode.Replace).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (IsConflict(exception))
        {
            throw Conflict("write", grainId, stateName, grainState.ETag, exception);
        }
        catch (RequestFailedException exception)
        {
            AzureTableGrainStorageLog.OperationFailed(_logger, "write", _name, grainId, stateName, exception.Status, exception);
            throw;
        }

        grainState.ETag = response.Headers.ETag?.ToString()
            ?? throw new InvalidOperationException($"Azure Table storage returned no ETag for a write to table '{TableName}'.");
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var keys = GrainStateTableKeys.For(_serviceId, grainId, stateName);
        try
        {
            if (grainState.ETag is null)
            {
                // The caller believes there is no record: fine if so, a conflict if there is one.
                var existing = await _table.Value.GetEntityIfExistsAsync<TableEntity>(keys.PartitionKey, keys.RowKey, KeyColumns).ConfigureAwait(false);
                if (existing.HasValue)
                {
                    throw Conflict("clear", grainId, stateName, grainState.ETag, innerException: null);
                }
            }
            else
            {
                // DeleteEntity reports a missing entity as a 404 response rather than an exception.
                var response = await _table.Value.DeleteEntityAsync(keys.PartitionKey, keys.RowKey, new ETag(grainState.ETag)).ConfigureAwait(false);
                if (response.Status == 404)
                {
                    throw Conflict("clear", grainId, stateName, grainState.ETag, innerException: null);
                }
            }
        }
        catch (RequestFailedException exception) when (IsConflict(exception))
        {
            throw Conflict("clear", grainId, stateName, grainState.ETag, exception);
        }
        catch (RequestFailedException exception)
        {
            AzureTableGrainStorageLog.OperationFailed(_logger, "clear", _name, grainId, stateName, exception.Status, exception);
            throw;
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// Deletes every record of one tenant: all state of grains whose key starts with
    /// <paramref name="tenantKey"/> followed by <c>/</c>. Reads the tenant's partition only (no table
    /// scan) and deletes it in transactions of at most 100 entities.
    /// </summary>
    /// <remarks>
    /// Not atomic across transactions; grains of the tenant that are still active may write again
    /// afterwards, so deactivate or block them first.
    /// </remarks>
    /// <returns>How many records were deleted.</returns>
    public async Task<int> DeleteTenantPartitionAsync(string tenantKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantKey);
        if (tenantKey.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A tenant key is the part of a grain key before its first '/', so it cannot contain '/'.", nameof(tenantKey));
        }

        var partitionKey = GrainStateTableKeys.TenantPartition(_serviceId, tenantKey);
        var query = _table.Value.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"),
            maxPerPage: MaxTransactionSize,
            select: KeyColumns,
            cancellationToken: cancellationToken);

        var deleted = 0;
        await foreach (var page in query.AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            deleted += await DeleteAsync(page.Values, cancellationToken).ConfigureAwait(false);
        }

        AzureTableGrainStorageLog.TenantPartitionDeleted(_logger, _name, tenantKey, deleted);
        return deleted;
    }

    private async Task<int> DeleteAsync(IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        var actions = entities
            .Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All))
            .ToList();
        while (actions.Count > 0)
        {
            try
            {
                await _table.Value.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return actions.Count;
            }
            catch (TableTransactionFailedException exception)
                when (exception.Status == 404 && exception.FailedTransactionActionIndex is int gone)
            {
                // Deleted meanwhile by someone else: the whole transaction was rejected; retry without it.
                actions.RemoveAt(gone);
            }
        }

        return 0;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _table.Value.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            AzureTableGrainStorageLog.TableReady(_logger, _name, TableName, elapsed.TotalMilliseconds);
        }
        catch (Exception exception)
        {
            AzureTableGrainStorageLog.InitializationFailed(_logger, _name, TableName, exception);
            throw;
        }
    }

    /// <summary>
    /// 409 (exists), 412 (ETag mismatch) and 404 (entity gone) are version conflicts; a missing
    /// table is a configuration problem, not a conflict.
    /// </summary>
    private static bool IsConflict(RequestFailedException exception) =>
        exception.Status is 409 or 412
        || (exception.Status == 404 && exception.ErrorCode != TableErrorCode.TableNotFound.ToString());

    private InconsistentStateException Conflict(string operation, GrainId grainId, string stateName, string? etag, Exception? innerException)
    {
        AzureTableGrainStorageLog.VersionConflict(_logger, operation, _name, grainId, stateName);
        var message = $"Version conflict ({operation}) in grain storage '{_name}', table '{TableName}': state '{stateName}' of grain {grainId} with ETag '{etag ?? "(none)"}' does not match the stored record.";
        return innerException is null
            ? new InconsistentStateException(message, "Unknown", etag ?? string.Empty)
            : new InconsistentStateException(message, "Unknown", etag ?? string.Empty, innerException);
    }

    private T CreateInstance<T>() => _activatorProvider.GetActivator<T>().Create();
}
