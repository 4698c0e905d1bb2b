using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansScim.Host.Bulk;

/// <summary>
/// A bulk request spends its tenant's request budget once per operation, like the single requests it
/// stands for (the HTTP request itself paid for the first). When the tenant's bucket is empty the next
/// operation waits for a permit instead of failing, so a large bulk runs at the tenant's rate and
/// cannot be used to get around the per-tenant limit.
/// </summary>
public static class BulkPacing
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumWait = TimeSpan.FromSeconds(5);

    public static async ValueTask WaitForPermitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The middleware uses this same limiter instance, so the tenant's partition (and its leased permits) is shared.
        var limiter = context.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
        if (limiter is null)
        {
            return;
        }

        while (true)
        {
            using var lease = await limiter.AcquireAsync(context, 1, cancellationToken);
            if (lease.IsAcquired)
            {
                return;
            }

            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : MaximumWait;
            await Task.Delay(wait < MinimumWait ? MinimumWait : wait > MaximumWait ? MaximumWait : wait, cancellationToken);
        }
    }
}
