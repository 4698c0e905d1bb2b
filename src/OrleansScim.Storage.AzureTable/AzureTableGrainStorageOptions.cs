using Orleans.Storage;

namespace OrleansScim.Storage.AzureTable;

/// <summary>Options of one named <see cref="AzureTableGrainStorage"/>.</summary>
public sealed class AzureTableGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The table used when <see cref="TableName"/> is not set.</summary>
    public const string DefaultTableName = "OrleansScimState";

    /// <summary>Azure Storage connection string. A secret: redacted when Orleans logs the options.</summary>
    [Redact]
    public string? ConnectionString { get; set; }

    /// <summary>Table holding the grain state; created at silo start when missing.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// Serializer of the state. When left null it is taken from DI as for the official providers:
    /// the <see cref="IGrainStorageSerializer"/> keyed by the provider name, else the silo's default.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>Silo lifecycle stage at which the table is created.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>Attempts per storage request, the first included; transient failures only are retried.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; it doubles on each further retry (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Time allowed for one attempt before it counts as a (retryable) timeout.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
