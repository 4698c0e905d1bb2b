using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Caching;

/// <summary>Tells every active silo to drop what it caches about a token or tenant, and waits for them.</summary>
public static partial class ClusterCacheInvalidation
{
    public static Task InvalidateTokensAsync(IGrainFactory grains, IReadOnlyCollection<string> tokenIds, ILogger logger) =>
        BroadcastAsync(grains, async silo =>
        {
            foreach (var tokenId in tokenIds)
            {
                await silo.InvalidateTokenAsync(tokenId);
            }
        }, logger);

    public static Task InvalidateTenantAsync(IGrainFactory grains, string tenantId, ILogger logger) =>
        BroadcastAsync(grains, silo => silo.InvalidateTenantAsync(tenantId), logger);

    private static async Task BroadcastAsync(IGrainFactory grains, Func<ISiloCacheGrain, Task> call, ILogger logger)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        await Task.WhenAll(hosts.Keys.Select(async silo =>
        {
            try
            {
                await call(GrainReferences.Get<ISiloCacheGrain>(grains, silo.ToParsableString()));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // A silo that cannot be reached is leaving the cluster; its caches go with it.
                LogUnreachable(logger, e, silo.ToString());
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear caches on silo {Silo}")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string silo);
}
