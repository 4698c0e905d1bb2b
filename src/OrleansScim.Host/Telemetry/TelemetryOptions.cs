namespace OrleansScim.Host.Telemetry;

/// <summary>Section <c>Telemetry</c>. OTLP export is configured by OpenTelemetry's own variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, …).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// A Prometheus scrape endpoint at <c>/metrics</c>: on the admin listener when <c>Admin:Urls</c> is set
    /// (so it can be reachable by the monitoring namespace only), else on the main listener.
    /// </summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Collect traces even without OTLP export (tests attach an in-memory exporter); on whenever <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public bool Traces { get; set; }

    /// <summary>Also collect Orleans' per-message and per-call instruments (off: they cost throughput on every grain call; see <see cref="ScimTelemetry"/>).</summary>
    public bool OrleansPerCallMetrics { get; set; }
}
