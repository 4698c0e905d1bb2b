using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansScim.Grains.Throttling;

/// <summary>
/// Refills continuously (tokens = min(burst, tokens + rate × elapsed)). Only the tenant's override is
/// persisted: after a restart the bucket starts full, which a client could at most notice as one burst.
/// Time comes from Orleans' clock for grains (the silo's <see cref="TimeProvider"/> unless that one area
/// is overridden), so a test can drive the bucket with a fake clock without freezing the silo's own timers.
/// </summary>
public sealed class TenantThrottleGrain(
    [PersistentState("throttle", GrainStorage.Name)] IPersistentState<TenantThrottleState> state,
    IOptionsMonitor<ThrottlingOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, ITenantThrottleGrain
{
    private double _tokens = double.NaN;
    private long _refilledAt;

    private RateLimit Limit => state.State.Override ?? new RateLimit(options.CurrentValue.RequestsPerSecond, options.CurrentValue.Burst);

    public Task<PermitLease> LeaseAsync(int wanted, CancellationToken cancellationToken = default)
    {
        var limit = Limit;
        Refill(limit);
        var granted = (int)Math.Min(Math.Max(wanted, 1), Math.Floor(_tokens));
        _tokens -= granted;
        var retryAfter = granted > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / limit.RequestsPerSecond);
        return Task.FromResult(new PermitLease(granted, retryAfter, limit));
    }

    public Task ReturnAsync(int permits, CancellationToken cancellationToken = default)
    {
        // The bucket ends up as if they had never left it: capping the refill without them and then again
        // with them gives the same as capping once with them.
        var limit = Limit;
        Refill(limit);
        _tokens = Math.Min(limit.Burst, _tokens + Math.Max(0, permits));
        return Task.CompletedTask;
    }

    public Task<TenantLimit> GetLimitAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new TenantLimit(Limit, state.State.Override is not null));

    public async Task<TenantLimit> SetLimitAsync(RateLimit? limit, CancellationToken cancellationToken = default)
    {
        var previous = Limit;
        Refill(previous);
        state.State.Override = limit;
        if (limit is null)
        {
            await state.ClearStateAsync(cancellationToken);
        }
        else
        {
            await state.WriteStateAsync(cancellationToken);
        }

        // A larger bucket comes with its extra room filled, so raising a throttled tenant's limit helps at once;
        // a smaller one keeps no more than it can hold.
        _tokens = Math.Clamp(_tokens + Math.Max(0, Limit.Burst - previous.Burst), 0, Limit.Burst);
        return new TenantLimit(Limit, limit is not null);
    }

    private void Refill(RateLimit limit)
    {
        var now = time.GetTimestamp();
        if (double.IsNaN(_tokens))
        {
            _tokens = limit.Burst;
        }
        else
        {
            var elapsed = time.GetElapsedTime(_refilledAt, now).TotalSeconds;
            _tokens = Math.Min(limit.Burst, _tokens + (elapsed * limit.RequestsPerSecond));
        }

        _refilledAt = now;
    }
}

[GenerateSerializer, Alias("scim.TenantThrottleState")]
public sealed class TenantThrottleState
{
    /// <summary>The tenant's own limit; null means the service default from configuration.</summary>
    [Id(0)] public RateLimit? Override { get; set; }
}
