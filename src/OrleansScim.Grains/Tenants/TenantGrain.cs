using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Throttling;

namespace OrleansScim.Grains.Tenants;

/// <summary>
/// A tenant's identity and tokens. Deleting retires the tenant's incarnation (its key space) at once
/// and purges the retired data in the background: a timer runs the purge while this activation lives, and
/// a reminder (stored with the grain state's provider) wakes the grain again if the silo running it dies
/// or the whole cluster restarts before the purge has finished.
/// </summary>
public sealed partial class TenantGrain(
    [PersistentState("tenant", GrainStorage.Name)] IPersistentState<TenantState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain, IRemindable
{
    private const string PurgeReminder = "purge";

    /// <summary>How often the reminder looks in on an unfinished purge (Orleans' shortest reminder period).</summary>
    private static readonly TimeSpan PurgeReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _purgeTimer;

    private string TenantId => this.GetPrimaryKeyString();

    private bool Exists => state.State.Incarnation is not null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RefreshSchemaConfiguration();
        SchedulePurge();
        return Task.CompletedTask;
    }

    public async Task<TenantCreated?> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (Exists)
        {
            return null;
        }

        var incarnation = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var tenantKey = GrainKeys.TenantKey(TenantId, incarnation);
        var (tokenId, token, hash) = TokenSecrets.Issue();
        var now = time.GetUtcNow();
        state.State.Incarnation = incarnation;
        state.State.Created = now;
        state.State.Tokens = [new TokenSummary(tokenId, now)];
        // The tenant is written before its token, so a crash in between leaves a token that never worked, not one that works for no tenant.
        await state.WriteStateAsync(cancellationToken);
        RefreshSchemaConfiguration();
        await GrainReferences.Get<ITokenGrain>(GrainFactory, tokenId).RegisterAsync(TenantId, tenantKey, hash, cancellationToken);
        await ClusterCacheInvalidation.InvalidateTenantAsync(GrainFactory, TenantId, logger);
        LogCreated(logger, TenantId);
        return new TenantCreated(TenantId, tenantKey, new IssuedToken(tokenId, token, now));
    }

    public async Task<TenantInfo?> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return null;
        }

        var tenantKey = GrainKeys.TenantKey(TenantId, state.State.Incarnation!);
        var tenant = new TenantGrains(GrainFactory, tenantKey);
        var users = tenant.Directory(ResourceTypeNames.User).GetCountsAsync(cancellationToken);
        var groups = tenant.Directory(ResourceTypeNames.Group).GetCountsAsync(cancellationToken);
        return new TenantInfo(TenantId, state.State.Created, (await users).Total, (await groups).Total, [.. state.State.Tokens]);
    }

    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return false;
        }

        var tokenIds = state.State.Tokens.Select(t => t.TokenId).ToList();
        state.State.RetiredTenantKeys.Add(GrainKeys.TenantKey(TenantId, state.State.Incarnation!));
        state.State.Incarnation = null;
        state.State.Tokens = [];
        // A tenant created again with the same id starts with the built-in schemas and default settings.
        state.State.SchemaExtensions = [];
        state.State.RejectUndeclaredExtensions = false;
        state.State.StrictInput = false;
        await state.WriteStateAsync(cancellationToken);
        RefreshSchemaConfiguration();
        await Task.WhenAll(tokenIds.Select(id => GrainReferences.Get<ITokenGrain>(GrainFactory, id).RevokeAsync(cancellationToken)));
        await GrainReferences.Get<ITenantThrottleGrain>(GrainFactory, TenantId).SetLimitAsync(null, cancellationToken);
        await ClusterCacheInvalidation.InvalidateTokensAsync(GrainFactory, tokenIds, logger);
        await ClusterCacheInvalidation.InvalidateTenantAsync(GrainFactory, TenantId, logger);
        LogDeleted(logger, TenantId);
        await this.RegisterOrUpdateReminder(PurgeReminder, PurgeReminderPeriod, PurgeReminderPeriod, cancellationToken);
        SchedulePurge();
        return true;
    }

    public async Task<IssuedToken?> IssueTokenAsync(CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return null;
        }

        var (tokenId, token, hash) = TokenSecrets.Issue();
        var issued = new IssuedToken(tokenId, token, time.GetUtcNow());
        state.State.Tokens.Add(new TokenSummary(tokenId, issued.Created));
        await state.WriteStateAsync(cancellationToken);
        await GrainReferences.Get<ITokenGrain>(GrainFactory, tokenId).RegisterAsync(TenantId, GrainKeys.TenantKey(TenantId, state.State.Incarnation!), hash, cancellationToken);
        return issued;
    }

    public async Task<bool> RevokeTokenAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        if (!Exists || state.State.Tokens.RemoveAll(t => t.TokenId == tokenId) == 0)
        {
            return false;
        }

        await state.WriteStateAsync(cancellationToken);
        await GrainReferences.Get<ITokenGrain>(GrainFactory, tokenId).RevokeAsync(cancellationToken);
        // Waits until every silo has dropped the token from its cache: revocation is effective when this returns.
        await ClusterCacheInvalidation.InvalidateTokensAsync(GrainFactory, [tokenId], logger);
        return true;
    }

    public Task<int> GetPendingPurgesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.RetiredTenantKeys.Count);

    /// <summary>The purge reminder: activating this grain already scheduled what is left (see <see cref="OnActivateAsync"/>).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.RetiredTenantKeys.Count == 0)
        {
            await ForgetPurgeReminderAsync();
        }
    }

    private async Task ForgetPurgeReminderAsync()
    {
        if (await this.GetReminder(PurgeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void SchedulePurge()
    {
        if (state.State.RetiredTenantKeys.Count == 0 || _purgeTimer is not null)
        {
            return;
        }

        _purgeTimer = this.RegisterGrainTimer(PurgeAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = TimeSpan.FromSeconds(30),
            Interleave = false,
            KeepAlive = true,
        });
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantKey in state.State.RetiredTenantKeys.ToList())
        {
            try
            {
                var retired = new TenantGrains(GrainFactory, tenantKey);
                await retired.Directory(ResourceTypeNames.User).PurgeAsync(cancellationToken);
                await retired.Directory(ResourceTypeNames.Group).PurgeAsync(cancellationToken);
                state.State.RetiredTenantKeys.Remove(tenantKey);
                await SaveAsync(cancellationToken);
                LogPurged(logger, TenantId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retried by the next timer tick (or after reactivation).
                LogPurgeFailed(logger, e, TenantId);
                return;
            }
        }

        _purgeTimer?.Dispose();
        _purgeTimer = null;
        await ForgetPurgeReminderAsync();
    }

    private Task SaveAsync(CancellationToken cancellationToken) =>
        Exists || state.State.RetiredTenantKeys.Count > 0 ? state.WriteStateAsync(cancellationToken) : state.ClearStateAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} created")]
    private static partial void LogCreated(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} deleted; purging its data")]
    private static partial void LogDeleted(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: data of a deleted incarnation purged")]
    private static partial void LogPurged(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: purge failed; will retry")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, string tenantId);
}

[GenerateSerializer, Alias("scim.TenantState")]
public sealed class TenantState
{
    /// <summary>The current key space; null when the tenant does not exist.</summary>
    [Id(0)] public string? Incarnation { get; set; }

    [Id(1)] public DateTimeOffset Created { get; set; }

    [Id(2)] public List<TokenSummary> Tokens { get; set; } = [];

    /// <summary>Key spaces of deleted incarnations whose data is still being purged.</summary>
    [Id(3)] public List<string> RetiredTenantKeys { get; set; } = [];

    /// <summary>Registered extension schemas, in registration order (the order /Schemas lists them).</summary>
    [Id(4)] public List<SchemaExtensionState> SchemaExtensions { get; set; } = [];

    [Id(5)] public bool RejectUndeclaredExtensions { get; set; }

    /// <summary>The inputPolicy setting: false (tolerant) for every tenant stored before the setting existed.</summary>
    [Id(6)] public bool StrictInput { get; set; }
}

[GenerateSerializer, Alias("scim.SchemaExtensionState")]
public sealed class SchemaExtensionState
{
    [Id(0)] public string Urn { get; set; } = "";

    [Id(1)] public string ResourceType { get; set; } = "";

    [Id(2)] public bool Required { get; set; }

    /// <summary>The RFC 7643 §7 schema representation without meta.</summary>
    [Id(3)] public string SchemaJson { get; set; } = "";
}
