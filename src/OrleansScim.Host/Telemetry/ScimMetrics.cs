using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansScim.Host.Telemetry;

/// <summary>
/// The service's own instruments (meter <see cref="MeterName"/>), beside ASP.NET Core's, the runtime's and
/// Orleans'. Labels never carry a tenant id, a resource id or anything a client wrote: only resource type,
/// operation, status and grain type, so the series stay few and hold no personal data.
/// </summary>
public sealed class ScimMetrics
{
    public const string MeterName = "OrleansScim";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _storageDuration;
    private readonly Counter<long> _storageFailures;

    public ScimMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("orleansscim.requests", "{request}", "SCIM and admin requests answered, by resource type, operation and status code.");
        _throttled = meter.CreateCounter<long>("orleansscim.requests.throttled", "{request}", "Requests answered 429 (tenant rate limit, or too many failed authentications from one address).");
        _storageDuration = meter.CreateHistogram<double>(
            "orleansscim.storage.duration", "s", "Duration of every grain storage call (grain state and index records).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _storageFailures = meter.CreateCounter<long>("orleansscim.storage.failures", "{call}", "Grain storage calls that threw, by operation, grain type and exception type.");
    }

    public void Request(string resourceType, string operation, int status)
    {
        var tags = new TagList { { "scim.resource_type", resourceType }, { "scim.operation", operation }, { "http.response.status_code", status } };
        _requests.Add(1, tags);
        if (status == StatusCodes.Status429TooManyRequests)
        {
            _throttled.Add(1, tags);
        }
    }

    public void StorageCall(string operation, string grainType, TimeSpan elapsed, Exception? failure)
    {
        var tags = new TagList { { "storage.operation", operation }, { "orleans.grain_type", grainType }, { "outcome", failure is null ? "ok" : "failed" } };
        _storageDuration.Record(elapsed.TotalSeconds, tags);
        if (failure is not null)
        {
            _storageFailures.Add(1, new TagList { { "storage.operation", operation }, { "orleans.grain_type", grainType }, { "error.type", failure.GetType().Name } });
        }
    }
}
