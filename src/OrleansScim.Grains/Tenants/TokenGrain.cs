using OrleansScim.Grains.Hosting;

namespace OrleansScim.Grains.Tenants;

/// <summary>
/// One token's record. Silos cache the answer of <see cref="GetAsync"/>, so a token grain is asked rarely: at
/// a silo's first sight of a token id, and when a cache entry expires. Its activation goes a short while
/// after the last call (<see cref="QuietDeactivation"/>), whether the id exists or not, so a first-sight
/// lookup costs an activation and a storage read for known and unknown ids alike and the response time does
/// not tell which ids exist (an activation kept only for existing ids answered those 0.23 ms faster; see
/// load/README.md), guessed ids hold no memory, and a burst of first sights from several silos is answered
/// by one activation.
/// </summary>
public sealed class TokenGrain([PersistentState("token", GrainStorage.Name)] IPersistentState<TokenState> state) : Grain, ITokenGrain
{
    private readonly QuietDeactivation _quietDeactivation = new();

    public async Task RegisterAsync(string tenantId, string tenantKey, byte[] secretHash, CancellationToken cancellationToken = default)
    {
        state.State = new TokenState { TenantId = tenantId, TenantKey = tenantKey, SecretHash = secretHash };
        await state.WriteStateAsync(cancellationToken);
        _quietDeactivation.Request(this);
    }

    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync(cancellationToken);
        }

        _quietDeactivation.Request(this);
    }

    /// <summary>The record, or null for an id that does not exist.</summary>
    public Task<TokenRecord?> GetAsync(CancellationToken cancellationToken = default)
    {
        _quietDeactivation.Request(this);
        return Task.FromResult(state.RecordExists && state.State.TenantId is { } tenantId
            ? new TokenRecord(tenantId, state.State.TenantKey!, state.State.SecretHash!)
            : null);
    }
}

[GenerateSerializer, Alias("scim.TokenState")]
public sealed class TokenState
{
    [Id(0)] public string? TenantId { get; set; }

    [Id(1)] public string? TenantKey { get; set; }

    [Id(2)] public byte[]? SecretHash { get; set; }
}
