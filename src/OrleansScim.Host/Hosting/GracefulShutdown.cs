using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// What a stop (SIGTERM from Kubernetes, Ctrl+C) does, all within <see cref="OrleansHostOptions.ShutdownTimeoutSeconds"/>:
/// hosted services stop one after another in reverse order of registration, and ASP.NET Core's web
/// server is registered last, so first Kestrel stops accepting connections and lets the requests it
/// has already received finish (their grain calls still work: the silo is still up), then the silo
/// deactivates its grains, which other silos re-activate on demand from storage, and marks itself
/// dead in the membership table, so the other silos stop routing to it at once instead of waiting
/// for missed probes. The timeout is one budget for both steps: if draining HTTP uses it all, the silo
/// stops ungracefully (no deactivation, no goodbye; the others find out by probing), which is why
/// the front end's requests are bounded by Orleans' 30 s response timeout and the default is 45 s.
/// </summary>
internal static partial class GracefulShutdown
{
    private static readonly TimeSpan ForwardingWait = TimeSpan.FromSeconds(2);

    public static void Configure(IServiceCollection services)
    {
        services.AddOptions<HostOptions>().Configure<IOptions<OrleansHostOptions>>((host, cluster) =>
        {
            host.ShutdownTimeout = TimeSpan.FromSeconds(cluster.Value.ShutdownTimeoutSeconds);

            // Sequential stop is what makes the web server drain before the silo goes (the default; said here because it matters).
            host.ServicesStopConcurrently = false;
        });
        services.Configure<SiloMessagingOptions>(messaging =>
        {
            // After deactivating its grains the silo forwards the requests still queued for them; Orleans 10
            // no longer waits for those to reach the outbound queue before stopping it (the wait used to be 2 s),
            // and a request lost there fails on the calling silo as SiloUnavailableException (a 503 to the
            // client). Two seconds of a stop is a cheap price for fewer of those.
            messaging.WaitForMessageToBeQueuedForOutboundTime = ForwardingWait;
        });
        services.AddHostedService<ShutdownReport>();
    }

    /// <summary>Logs when a stop begins and how long it took, so an operator can compare it with the grace period.</summary>
    private sealed partial class ShutdownReport(
        IHostApplicationLifetime lifetime,
        IOptions<HostOptions> host,
        ILogger<ShutdownReport> logger) : IHostedService
    {
        private readonly Stopwatch _stopping = new();

        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopping.Register(() =>
            {
                _stopping.Start();
                LogStopping(logger, host.Value.ShutdownTimeout.TotalSeconds);
            });
            lifetime.ApplicationStopped.Register(() => LogStopped(logger, _stopping.Elapsed.TotalSeconds));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: draining in-flight HTTP requests, then deactivating grains and leaving the cluster (at most {TimeoutSeconds} s)")]
        private static partial void LogStopping(ILogger logger, double timeoutSeconds);

        [LoggerMessage(Level = LogLevel.Information, Message = "Stopped after {ElapsedSeconds:F1} s")]
        private static partial void LogStopped(ILogger logger, double elapsedSeconds);
    }
}
