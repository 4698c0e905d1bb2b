using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Throttling;

namespace OrleansScim.Host.Auth;

/// <summary>
/// Counts failed authentications per client address and scope (tenant tokens, admin key) in a token
/// bucket each (the framework's <see cref="TokenBucketRateLimiter"/>): every failure spends a permit, and
/// an address whose bucket is empty is refused (429) before its credential is looked up, so guessing
/// costs no grain call, no storage read and no log line. Successes spend nothing: a caller with a valid
/// credential is never refused here (Entra sends many customers' traffic from shared addresses).
/// </summary>
public sealed class FailedAuthenticationLimiter : IDisposable
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Scope, string Address), TokenBucketRateLimiter> _buckets = new();
    private readonly IOptionsMonitor<ThrottlingOptions> _options;
    private readonly ITimer _sweeper;

    public FailedAuthenticationLimiter(IOptionsMonitor<ThrottlingOptions> options, TimeProvider time)
    {
        _options = options;
        _sweeper = time.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>Whether <paramref name="address"/> has failed too often in <paramref name="scope"/>; then how long until it may try again.</summary>
    public bool IsBlocked(string scope, IPAddress? address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_buckets.TryGetValue((scope, Key(address)), out var bucket) || bucket.GetStatistics()!.CurrentAvailablePermits >= 1)
        {
            return false;
        }

        // Whole permits come back once per replenishment period (a second): that is when trying again helps.
        retryAfter = TimeSpan.FromSeconds(1);
        return true;
    }

    /// <summary>Spends one permit of the address's bucket for a failed authentication.</summary>
    public void RecordFailure(string scope, IPAddress? address)
    {
        var key = (scope, Key(address));
        var bucket = _buckets.TryGetValue(key, out var known) ? known : _buckets.GetOrAdd(key, _ => NewBucket());
        using var lease = bucket.AttemptAcquire();
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private TokenBucketRateLimiter NewBucket()
    {
        var options = _options.CurrentValue;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.UnauthenticatedBurst,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(options.UnauthenticatedRequestsPerSecond)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>Forgets addresses that stopped failing, so memory follows the current guessers.</summary>
    private void Sweep()
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IdleDuration > IdleLifetime && _buckets.TryRemove(key, out var removed))
            {
                removed.Dispose();
            }
        }
    }
}
