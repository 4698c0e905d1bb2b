using OrleansScim.Grains.Tenants;

namespace OrleansScim.Host.Auth;

/// <summary>Where token records come from when a silo's cache does not hold them.</summary>
public interface ITokenRecordSource
{
    ValueTask<TokenRecord?> FindAsync(string tokenId, CancellationToken cancellationToken);
}

/// <summary>The token's own grain (one per token id; a storage read in durable mode when it activates).</summary>
public sealed class GrainTokenRecordSource(IGrainFactory grains) : ITokenRecordSource
{
    public async ValueTask<TokenRecord?> FindAsync(string tokenId, CancellationToken cancellationToken) =>
        await grains.GetGrain<ITokenGrain>(tokenId).GetAsync(cancellationToken);
}
