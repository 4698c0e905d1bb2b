using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrleansScim.Host.Hosting;

/// <summary>Tells the operator where the service listens and what is not production-ready in this configuration.</summary>
public sealed partial class StartupReport(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<StorageOptions> storage,
    IOptions<OrleansHostOptions> orleans,
    IOptions<AdminOptions> admin,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogListening(logger, address);
        }

        LogCluster(logger, orleans.Value.Provider, storage.Value.Provider);
        if (storage.Value.Provider == StorageProvider.Memory)
        {
            LogNotDurable(logger);
        }

        if (admin.Value.Keys().Count == 0)
        {
            LogNoAdminKey(logger);
        }
        else if (admin.Value.ListenerUrls() is { Count: > 0 } adminUrls)
        {
            LogAdminListener(logger, adminUrls);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OrleansScim listening on {Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clustering: {Clustering}; grain storage: {Storage}")]
    private static partial void LogCluster(ILogger logger, ClusteringProvider clustering, StorageProvider storage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage is in memory: data is NOT durable and is lost when this process stops. Set Storage__Provider=AzureTable or Redis for durable storage.")]
    private static partial void LogNotDurable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin key is configured, so the admin API is off. Turn it on with the environment variable Admin__ApiKey=<a random secret of at least 32 characters> (or Admin:ApiKey in appsettings.json), e.g. Admin__ApiKey=$(openssl rand -base64 32).")]
    private static partial void LogNoAdminKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin API listening only on {Urls}")]
    private static partial void LogAdminListener(ILogger logger, IReadOnlyList<string> urls);
}
