namespace OrleansScim.Grains.Tenants;

public sealed class TokenGrain([PersistentState("token", GrainStorage.Name)] IPersistentState<TokenState> state) : Grain, ITokenGrain
{
    public async Task RegisterAsync(string tenantId, string tenantKey, byte[] secretHash, CancellationToken cancellationToken = default)
    {
        state.State = new TokenState { TenantId = tenantId, TenantKey = tenantKey, SecretHash = secretHash };
        await state.WriteStateAsync(cancellationToken);
        DeactivateOnIdle();
    }

    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The record, or null for an id that does not exist. Either way the activation goes once idle: silos
    /// cache the answer, so a token grain is asked rarely, and a lookup then always costs an activation and a
    /// storage read, whether the id exists or not, so response time does not tell which ids exist (an
    /// activation kept only for ids that exist would answer those faster). Guessed ids hold no memory either.
    /// </summary>
    public Task<TokenRecord?> GetAsync(CancellationToken cancellationToken = default)
    {
        DeactivateOnIdle();
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
