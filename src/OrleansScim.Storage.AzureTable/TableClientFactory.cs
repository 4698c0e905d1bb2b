using Azure.Core;
using Azure.Data.Tables;

namespace OrleansScim.Storage.AzureTable;

internal static class TableClientFactory
{
    /// <summary>Builds the client; no I/O happens here.</summary>
    /// <remarks>
    /// Retries are the Azure SDK's own (<see cref="TableClientOptions"/>.Retry), not hand-written:
    /// its default classifier retries exactly the transient failures (HTTP 408, 429, 500, 502, 503,
    /// 504, IOExceptions and per-attempt timeouts, honouring Retry-After) with bounded exponential
    /// backoff and jitter, and never 404/409/412. One consequence, same as with any retry of a
    /// conditional write: when a write succeeded but its response was lost, the retry meets a
    /// conflict and surfaces as <see cref="Orleans.Storage.InconsistentStateException"/>; Orleans then
    /// deactivates the grain, which rereads its state.
    /// </remarks>
    public static TableClient Create(AzureTableGrainStorageOptions options)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxAttempts - 1;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;

        // Request and response bodies hold grain state: never let SDK diagnostics log them.
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        return new TableClient(options.ConnectionString, options.TableName, clientOptions);
    }
}
