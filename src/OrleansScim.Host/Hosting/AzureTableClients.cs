using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// The Table service clients the official Orleans providers (grain state and membership) are given: from a
/// connection string, or from the service URI with <c>DefaultAzureCredential</c> (workload identity on AKS,
/// managed identity, environment variables, Azure CLI), one credential for both.
/// </summary>
internal sealed class AzureTableClients
{
    private readonly Lazy<TokenCredential> _credential;

    public AzureTableClients(Func<TokenCredential>? credential = null) =>
        _credential = new Lazy<TokenCredential>(credential ?? (() => new DefaultAzureCredential()));

    /// <summary>The credential used with a service URI.</summary>
    public TokenCredential Credential => _credential.Value;

    /// <summary>
    /// A client for exactly one of <paramref name="connectionString"/> and <paramref name="serviceUri"/>;
    /// <paramref name="section"/> names the settings in the error when neither or both are set.
    /// </summary>
    public TableServiceClient Create(string section, string? connectionString, Uri? serviceUri) =>
        (string.IsNullOrWhiteSpace(connectionString), serviceUri) switch
        {
            (false, null) => new TableServiceClient(connectionString, ClientOptions()),
            (true, { IsAbsoluteUri: true }) => new TableServiceClient(serviceUri, Credential, ClientOptions()),
            (true, null) => throw new InvalidOperationException($"Azure Table storage needs {section}:ConnectionString or {section}:TableServiceUri."),
            (true, _) => throw new InvalidOperationException($"{section}:TableServiceUri must be an absolute URI such as https://ACCOUNT.table.core.windows.net."),
            _ => throw new InvalidOperationException($"Set either {section}:ConnectionString or {section}:TableServiceUri, not both."),
        };

    /// <summary>
    /// Retries bounded well inside Orleans' 30 s response timeout. The SDK's defaults (three retries from
    /// 0.8 s up to a minute, 100 s per attempt) would keep a grain call waiting on a storage outage until
    /// Orleans gives up on it, so the caller would see a timeout instead of the storage's error.
    /// </summary>
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
