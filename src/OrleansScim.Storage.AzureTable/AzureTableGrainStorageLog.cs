using Microsoft.Extensions.Logging;

namespace OrleansScim.Storage.AzureTable;

/// <summary>
/// Log messages of <see cref="AzureTableGrainStorage"/>. They carry names, grain ids and status
/// codes; never the connection string, account key or state contents.
/// </summary>
internal static partial class AzureTableGrainStorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Grain storage {StorageName} is ready on table {TableName} after {ElapsedMilliseconds:0} ms")]
    public static partial void TableReady(ILogger logger, string storageName, string tableName, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Grain storage {StorageName} could not create or open table {TableName}")]
    public static partial void InitializationFailed(ILogger logger, string storageName, string tableName, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Grain storage {StorageName} failed to {Operation} state {StateName} of grain {GrainId} (HTTP {Status})")]
    public static partial void OperationFailed(ILogger logger, string operation, string storageName, GrainId grainId, string stateName, int status, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Grain storage {StorageName}: version conflict on {Operation} of state {StateName} of grain {GrainId}")]
    public static partial void VersionConflict(ILogger logger, string operation, string storageName, GrainId grainId, string stateName);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Grain storage {StorageName} refused state {StateName} of grain {GrainId}: {Size} bytes serialized, limit {Limit}")]
    public static partial void StateTooLarge(ILogger logger, string storageName, GrainId grainId, string stateName, int size, int limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Grain storage {StorageName} deleted {Count} records of tenant {TenantKey}")]
    public static partial void TenantPartitionDeleted(ILogger logger, string storageName, string tenantKey, int count);
}
