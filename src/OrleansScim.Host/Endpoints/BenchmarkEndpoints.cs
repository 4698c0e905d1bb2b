using System.Text;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Telemetry;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// Baselines for load/benchmarks (issue 6): a bare minimal-API endpoint returning a fixed JSON document,
/// so GET /Users/{id} can be compared with the cheapest possible answer of the same size in the same
/// process. Only mapped when <c>Benchmarks:Enabled=true</c>; never in production configuration.
/// </summary>
public static class BenchmarkEndpoints
{
    public static void MapBenchmarkBaselines(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmarks:Enabled"))
        {
            return;
        }

        app.MapGet("/bench/bare/{size:int}", (int size, HttpContext context) =>
        {
            var body = Document(Math.Clamp(size, 14, 1 << 20));
            context.Response.ContentType = ScimHttp.ContentType;
            return context.Response.Body.WriteAsync(body).AsTask();
        });

        // The grain call alone (no authentication, throttling or routing groups): separates what the SCIM
        // layers cost from what the co-hosted grain call costs.
        var tenantKeys = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        app.MapGet("/bench/grain/{id}", async (HttpContext context, IGrainFactory grains, string id, string tokenId) =>
        {
            if (!tenantKeys.TryGetValue(tokenId, out var tenantKey))
            {
                var record = await grains.GetGrain<ITokenGrain>(tokenId).GetAsync();
                tenantKey = tenantKeys[tokenId] = record!.TenantKey;
            }

            var grain = new TenantGrains(grains, tenantKey).User(id);
            var request = new ResourceRequest { BaseUrl = ScimHttp.Origin(context) + "/scim/v2" };
            var result = await grain.GetAsync(request, context.RequestAborted);
            await new ScimResult(ScimResults.From(result, request.BaseUrl, "Users", id)).ExecuteAsync(context);
        });

        // Grain storage operations so far (reads, writes, clears), counted from this process's start.
        app.MapGet("/bench/storage", (StorageOperationCounts counts) => Results.Ok(counts.Snapshot()));

        // Where memory goes during a benchmark: managed heap after a full collection, and activations by type.
        app.MapGet("/bench/memory", async (IGrainFactory grains, bool? collect) =>
        {
            if (collect == true)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            var info = GC.GetGCMemoryInfo();
            var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            return Results.Ok(new
            {
                heapBytes = info.HeapSizeBytes,
                totalAllocatedBytes = GC.GetTotalAllocatedBytes(),
                committedBytes = info.TotalCommittedBytes,
                workingSetBytes = Environment.WorkingSet,
                activations = statistics.GroupBy(s => s.GrainType).Select(g => new { type = g.Key, count = g.Sum(s => s.ActivationCount) })
                    .OrderByDescending(t => t.count).ToList(),
            });
        });
    }

    private static byte[] Document(int size)
    {
        // {"padding":"xxx…"} is 14 bytes plus the padding.
        return Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', Math.Max(0, size - 14)) + "\"}");
    }
}
