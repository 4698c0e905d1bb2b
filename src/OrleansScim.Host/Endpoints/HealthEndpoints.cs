using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// Kubernetes probes: <c>/health/live</c> only says the process serves HTTP (it must not call grains,
/// or a busy cluster would get pods restarted); <c>/health/ready</c> says the silo is active in its cluster.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }
}

/// <summary>Ready when the co-hosted silo is an active cluster member.</summary>
public sealed class SiloActiveHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Silo status is {oracle.CurrentStatus}."));
}
