namespace OrleansScim.Grains.Tenants;

public sealed class TokenGrain([PersistentState("token", GrainStorage.Name)] IPersistentState<TokenState> state) : Grain, ITokenGrain
{
    public async Task RegisterAsync(string tenantId, string tenantKey, byte[] secretHash, CancellationToken cancellationToken = default)
    {
        state.State = new TokenState { TenantId = tenantId, TenantKey = tenantKey, SecretHash = secretHash };
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync(cancellationToken);
        }
    }

    public Task<TokenRecord?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (state.RecordExists && state.State.TenantId is { } tenantId)
        {
            return Task.FromResult<TokenRecord?>(new TokenRecord(tenantId, state.State.TenantKey!, state.State.SecretHash!));
        }

        // A guessed token id: nothing to keep in memory for it (silos remember the answer in their caches).
        DeactivateOnIdle();
        return Task.FromResult<TokenRecord?>(null);
    }
}

[GenerateSerializer, Alias("scim.TokenState")]
public sealed class TokenState
{
    [Id(0)] public string? TenantId { get; set; }

    [Id(1)] public string? TenantKey { get; set; }

    [Id(2)] public byte[]? SecretHash { get; set; }
}
