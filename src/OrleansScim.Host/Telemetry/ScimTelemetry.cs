using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansScim.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host: metrics from ASP.NET Core, the .NET runtime, Orleans (meter
/// <c>Microsoft.Orleans</c>) and <see cref="ScimMetrics"/>; traces from ASP.NET Core and Orleans grain
/// calls, redacted by <see cref="SpanRedaction"/>. Exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and scraped by Prometheus at <c>/metrics</c> unless
/// <c>Telemetry:Prometheus</c> is false. Traces are collected only when something takes them (OTLP, or
/// <c>Telemetry:Traces=true</c>): otherwise every grain call would build a span for nobody.
/// </summary>
public static class ScimTelemetry
{
    public const string ServiceName = "orleans-scim";

    /// <summary>Orleans' activity sources for grain calls (made by <c>AddActivityPropagation</c>).</summary>
    internal static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static void AddScimTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = IsOtlpConfigured(configuration);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        builder.Services.AddSingleton<ScimMetrics>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Microsoft.Orleans").AddMeter(ScimMetrics.MeterName);
                if (!options.OrleansPerCallMetrics)
                {
                    metrics.AddView(instrument => IsOrleansPerCall(instrument) ? MetricStreamConfiguration.Drop : null);
                }

                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (TracesEnabled(configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddSource(OrleansActivitySources)
                // First processor: exporters added after it (OTLP below, a test's in-memory one) see redacted spans.
                .AddProcessor(new SpanRedaction()));
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>Whether traces are collected (the silo then propagates activities through grain calls).</summary>
    public static bool TracesEnabled(IConfiguration configuration) =>
        IsOtlpConfigured(configuration)
        || (configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Traces ?? false);

    /// <summary>The Prometheus scrape endpoint, when on; <see cref="Hosting.AdminListener"/> puts it on the admin port when there is one.</summary>
    public static void MapScimTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }
    }

    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Orleans instruments recorded on every message or grain call (message counts and sizes, request latency,
    /// directory lookups, scheduler turns). Measured with load/bench/ab-commits.sh, listening to them cost about a
    /// fifth of GET /Users/{id}'s throughput (load/README.md); activations, membership, storage and the
    /// gauges stay. <c>Telemetry:OrleansPerCallMetrics=true</c> keeps them too.
    /// </summary>
    private static readonly string[] OrleansPerCallPrefixes =
        ["orleans-messaging-", "orleans-app-requests-", "orleans-directory-lookups-", "orleans-directory-validations-", "orleans-scheduler-"];

    internal static bool IsOrleansPerCall(System.Diagnostics.Metrics.Instrument instrument) =>
        instrument.Meter.Name == "Microsoft.Orleans" && OrleansPerCallPrefixes.Any(p => instrument.Name.StartsWith(p, StringComparison.Ordinal));

    private static bool IsOtlpConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    private static bool IsProbeOrScrape(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
