using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenTelemetry.Metrics;
using OrleansScim.Host.Telemetry;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Telemetry;

/// <summary>
/// What an operator's dashboards get: SCIM request and storage metrics beside ASP.NET Core's, the runtime's
/// and Orleans'; spans for requests and grain calls; and nowhere a tenant id, a userName or a query.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryHostFactory host) : IClassFixture<TelemetryHostFactory>
{
    [Fact]
    public async Task Metrics_CountScimRequestsByResourceTypeOperationAndStatus_AndTimeStorageCalls()
    {
        var tenant = await host.CreateTenantAsync("otel");
        var id = await tenant.CreateAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"metrics.person@example.com"}""");
        Assert.Equal(HttpStatusCode.OK, (await tenant.GetAsync($"/Users/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.GetAsync("/Users/no-such-user")).Status);

        bool Created(MetricPoint p) => Tag(p, "scim.resource_type") == "Users" && Tag(p, "scim.operation") == "create" && Tag(p, "http.response.status_code") == "201";
        bool NotFound(MetricPoint p) => Tag(p, "scim.resource_type") == "Users" && Tag(p, "scim.operation") == "get" && Tag(p, "http.response.status_code") == "404";
        var requests = await RequestPointsAsync(points => points.Any(Created) && points.Any(NotFound), "the create and the 404 are counted");
        Assert.Contains(requests, Created);
        Assert.Contains(requests, NotFound);
        Assert.Contains(Points("orleansscim.storage.duration"), p => Tag(p, "storage.operation") == "write" && Tag(p, "outcome") == "ok");

        // The framework's own instruments come through the same pipeline.
        Assert.Contains(Snapshots(), m => m.Name == "http.server.request.duration");
        Assert.Contains(Snapshots(), m => m.MeterName == "Microsoft.Orleans");

        // Orleans' per-call instruments are dropped (they cost a tenth of the read throughput; load/README.md).
        Assert.DoesNotContain(Snapshots(), m => m.Name.StartsWith("orleans-messaging-", StringComparison.Ordinal) || m.Name.StartsWith("orleans-app-requests-", StringComparison.Ordinal));
        Assert.Contains(Snapshots(), m => m.Name.StartsWith("dotnet.", StringComparison.Ordinal) || m.Name.StartsWith("process.runtime.dotnet.", StringComparison.Ordinal));

        var everyTagValue = Snapshots().SelectMany(m => m.MetricPoints).SelectMany(p => Tags(p).Select(t => t.Value)).ToList();
        Assert.DoesNotContain(everyTagValue, v => v.Contains(tenant.TenantId, StringComparison.Ordinal) || v.Contains("metrics.person", StringComparison.Ordinal) || v.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEndpointForAnyMethod_IsCountedPerMethod_AndAnUnknownMethodAsOther()
    {
        var tenant = await host.CreateTenantAsync("otelme");
        Assert.Equal(HttpStatusCode.NotImplemented, (await tenant.GetAsync("/Me")).Status);
        Assert.Equal(HttpStatusCode.NotImplemented, (await tenant.PostAsync("/Me", "{}")).Status);
        Assert.Equal(HttpStatusCode.NotImplemented, (await tenant.SendAsync(new HttpMethod("BREW"), "/Me")).Status);

        HashSet<string?> MeOperations(List<MetricPoint> points) => [.. points.Where(p => Tag(p, "scim.resource_type") == "Me").Select(p => Tag(p, "scim.operation"))];
        var me = MeOperations(await RequestPointsAsync(points => MeOperations(points).Count >= 3, "the three /Me requests are counted"));
        Assert.Contains("get", me);
        Assert.Contains("create", me);
        Assert.Contains("other", me);
        Assert.DoesNotContain(Snapshots().SelectMany(m => m.MetricPoints).SelectMany(Tags), t => t.Value.Contains("brew", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Throttled_RequestsAreCountedAsSuch()
    {
        var tenant = await host.CreateTenantAsync("otel429");
        using (var admin = host.CreateAdminClient())
        {
            (await admin.PutAsJsonAsync($"/admin/tenants/{tenant.TenantId}/limits", new { requestsPerSecond = 1, burst = 1 })).EnsureSuccessStatusCode();
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await tenant.GetAsync("/Users")).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        host.Flush();
        Assert.Contains(Points("orleansscim.requests.throttled"), p => Tag(p, "scim.resource_type") == "Users" && Tag(p, "scim.operation") == "list");
    }

    [Fact]
    public async Task Spans_CoverRequestsAndGrainCalls_WithoutTenantIdsUserNamesOrQueries()
    {
        var tenant = await host.CreateTenantAsync("otelspan");
        await tenant.CreateAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"traced.person@example.com"}""");
        Assert.Equal(HttpStatusCode.OK, (await tenant.FilterAsync("Users", "userName eq \"traced.person@example.com\"")).Status);

        host.Flush();
        List<Activity> spans;
        lock (host.Spans)
        {
            spans = [.. host.Spans];
        }

        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && (s.GetTagItem("http.route") as string ?? "").StartsWith("/tenants/{tenantId}/scim/v2/Users", StringComparison.Ordinal));
        Assert.Contains(spans, s => ScimTelemetry.OrleansActivitySources.Contains(s.Source.Name));
        foreach (var span in spans)
        {
            Assert.Null(span.GetTagItem("url.query"));
            foreach (var (key, value) in span.TagObjects)
            {
                var text = value?.ToString() ?? string.Empty;
                Assert.False(text.Contains(tenant.TenantId, StringComparison.Ordinal) || text.Contains("traced.person", StringComparison.Ordinal), $"span {span.DisplayName} tag {key}={text}");
            }

            Assert.DoesNotContain(tenant.TenantId, span.DisplayName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Prometheus_ScrapesTheSameMetrics()
    {
        var tenant = await host.CreateTenantAsync("otelprom");
        await tenant.GetAsync("/Users");
        using var client = host.CreateClient();
        var response = await client.GetAsync(ScimTelemetry.MetricsPath);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("orleansscim_requests", text, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.TenantId, text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The request counter is recorded once the pipeline has returned, which can be just after the client
    /// has its answer: flushes until the points are complete (or fails with what there is).
    /// </summary>
    private Task<List<MetricPoint>> RequestPointsAsync(Func<List<MetricPoint>, bool> complete, string because) =>
        Eventually.UntilAsync(
            () =>
            {
                host.Flush();
                return Task.FromResult(Points("orleansscim.requests"));
            },
            complete,
            because);

    private List<MetricPoint> Points(string name) => [.. Snapshots().Where(m => m.Name == name).SelectMany(m => m.MetricPoints)];

    private List<MetricSnapshot> Snapshots()
    {
        lock (host.Metrics)
        {
            return [.. host.Metrics];
        }
    }

    private static List<(string Key, string Value)> Tags(MetricPoint point)
    {
        var tags = new List<(string, string)>();
        foreach (var tag in point.Tags)
        {
            tags.Add((tag.Key, tag.Value?.ToString() ?? string.Empty));
        }

        return tags;
    }

    private static string? Tag(MetricPoint point, string key) => Tags(point).Where(t => t.Key == key).Select(t => t.Value).FirstOrDefault();
}
