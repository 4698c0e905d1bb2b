namespace OrleansScim.Grains.Caching;

/// <summary>
/// The invalidation signal for this silo's caches of cluster data (token records, tenant settings).
/// A cache remembers <see cref="Generation"/> before it reads from a grain and stores the result only
/// if the generation is unchanged, so a read that raced an invalidation is never cached.
/// </summary>
public sealed class SiloCaches
{
    private long _generation;

    public event Action<string>? TokenInvalidated;

    public event Action<string>? TenantInvalidated;

    public long Generation => Interlocked.Read(ref _generation);

    public void InvalidateToken(string tokenId)
    {
        Interlocked.Increment(ref _generation);
        TokenInvalidated?.Invoke(tokenId);
    }

    public void InvalidateTenant(string tenantId)
    {
        Interlocked.Increment(ref _generation);
        TenantInvalidated?.Invoke(tenantId);
    }
}
