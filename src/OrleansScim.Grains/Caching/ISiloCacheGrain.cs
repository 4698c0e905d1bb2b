namespace OrleansScim.Grains.Caching;

/// <summary>One activation per silo (key = silo address) that clears that silo's caches.</summary>
[Alias("scim.ISiloCacheGrain")]
public interface ISiloCacheGrain : IGrainWithStringKey
{
    [Alias("InvalidateToken")]
    Task InvalidateTokenAsync(string tokenId);

    [Alias("InvalidateTenant")]
    Task InvalidateTenantAsync(string tenantId);
}

[SiloPinnedPlacement]
public sealed class SiloCacheGrain(SiloCaches caches) : Grain, ISiloCacheGrain
{
    public Task InvalidateTokenAsync(string tokenId)
    {
        caches.InvalidateToken(tokenId);
        return Task.CompletedTask;
    }

    public Task InvalidateTenantAsync(string tenantId)
    {
        caches.InvalidateTenant(tenantId);
        return Task.CompletedTask;
    }
}
