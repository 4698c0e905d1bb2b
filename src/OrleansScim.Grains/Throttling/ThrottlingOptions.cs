using System.ComponentModel.DataAnnotations;

namespace OrleansScim.Grains.Throttling;

/// <summary>Section <c>Throttling</c>: the service-wide default per-tenant limit and the limit for unauthenticated callers.</summary>
public sealed class ThrottlingOptions
{
    public const string Section = "Throttling";

    /// <summary>Sustained requests per second a tenant may send (cluster-wide) unless overridden per tenant.</summary>
    [Range(0.1, 1_000_000)]
    public double RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a tenant may send at once after being idle (token bucket size).</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 100;

    /// <summary>Requests per second per client address that carry no valid token (slows token guessing).</summary>
    [Range(0.1, 1_000_000)]
    public double UnauthenticatedRequestsPerSecond { get; set; } = 5;

    [Range(1, 1_000_000)]
    public int UnauthenticatedBurst { get; set; } = 20;

    /// <summary>
    /// The smallest lease a front end takes, as this much time of the tenant's rate (more when more requests
    /// are waiting); smaller is more exact across silos, larger makes fewer grain calls.
    /// </summary>
    public TimeSpan LeaseWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Leased permits not spent within this time go back to the bucket, so a front end that falls quiet keeps
    /// none of the tenant's budget and a limit change reaches every silo quickly.
    /// </summary>
    public TimeSpan LeaseLifetime { get; set; } = TimeSpan.FromSeconds(1);
}
