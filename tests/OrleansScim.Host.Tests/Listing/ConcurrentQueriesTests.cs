using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Orleans.Storage;
using OrleansScim.Grains;
using OrleansScim.Host.Hosting;
using OrleansScim.Host.Tests.Infrastructure;
using OrleansScim.Testing;

namespace OrleansScim.Host.Tests.Listing;

/// <summary>
/// Azure AD looks a user up by <c>userName eq</c> before every create, for many tenants at once. Each lookup
/// waits for an index read (a storage round trip with durable storage): concurrent lookups must wait side by
/// side, not one after another behind a silo's handful of query workers (one per core, each serving one
/// request at a time when not reentrant).
/// </summary>
public sealed class ConcurrentQueriesTests(ConcurrentQueriesTests.Host host) : IClassFixture<ConcurrentQueriesTests.Host>
{
    /// <summary>More than the query workers a silo has when they are not reentrant (one per core).</summary>
    private static readonly int Concurrent = Environment.ProcessorCount + 4;

    [Theory]
    [InlineData("GET /Users?filter")]
    [InlineData("POST /.search")]
    public async Task FiltersWaitingForStorage_AllReachItAtOnce_AndAllAnswer(string endpoint)
    {
        var tenant = await host.CreateTenantAsync("concurrent");
        var userId = await tenant.CreateAsync("Users", """{ "userName": "side.by.side@contoso.example" }""");
        const string filter = "userName eq \"side.by.side@contoso.example\"";

        var lookups = host.IndexReads.Hold();
        var replies = Enumerable.Range(0, Concurrent).Select(_ => endpoint.StartsWith("GET", StringComparison.Ordinal)
            ? tenant.FilterAsync("Users", filter)
            : tenant.PostAsync("/.search", $$"""{ "schemas": ["{{Schemas.SearchRequest}}"], "filter": {{System.Text.Json.JsonSerializer.Serialize(filter)}} }""")).ToList();
        try
        {
            await Eventually.UntilAsync(() => Task.FromResult(lookups.Waiting), waiting => waiting >= Concurrent, $"all {Concurrent} lookups wait for storage at once");
        }
        finally
        {
            lookups.Release();
        }

        foreach (var reply in await Task.WhenAll(replies))
        {
            reply.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(userId, Assert.Single(reply.Resources)["id"]!.GetValue<string>());
        }
    }

    public sealed class Host : ScimHostFactory
    {
        public HeldIndexReads IndexReads { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                GrainStorageDecoration.Decorate(services, GrainStorage.Name, (_, inner) => new HoldingStorage(inner, IndexReads)));
        }
    }

    /// <summary>While held, reads of index records wait (and are counted) until released.</summary>
    public sealed class HeldIndexReads
    {
        private TaskCompletionSource? _gate;
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public HeldIndexReads Hold()
        {
            _waiting = 0;
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return this;
        }

        public void Release() => Interlocked.Exchange(ref _gate, null)?.SetResult();

        public async Task PassAsync(GrainId grainId)
        {
            if (Volatile.Read(ref _gate) is { } gate && grainId.Type.ToString() == "scimindex")
            {
                Interlocked.Increment(ref _waiting);
                await gate.Task;
            }
        }
    }

    private sealed class HoldingStorage(IGrainStorage inner, HeldIndexReads reads) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await reads.PassAsync(grainId);
            await inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
