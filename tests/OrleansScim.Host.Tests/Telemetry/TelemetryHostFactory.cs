using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Telemetry;

/// <summary>
/// The host with OpenTelemetry's in-memory exporters attached after its own configuration (so its span
/// redaction runs before them, as it does before OTLP), and traces on.
/// </summary>
public sealed class TelemetryHostFactory : ScimHostFactory
{
    /// <summary>Snapshots (the exporter's live <see cref="Metric"/> objects are reused between exports).</summary>
    public List<MetricSnapshot> Metrics { get; } = [];

    public List<Activity> Spans { get; } = [];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telemetry:Traces"] = "true" };

    /// <summary>Everything recorded so far, exported now.</summary>
    public void Flush()
    {
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        });
    }
}
