using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using OrleansScim.Storage.AzureTable.Tests.Grains;
using OrleansScim.Storage.AzureTable.Tests.Infrastructure;

namespace OrleansScim.Storage.AzureTable.Tests;

/// <summary>Retry behaviour, against a scripted server (Azurite cannot be told to fail).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTableRetryTests(AzuriteFixture fixture)
{
    private const int MaxAttempts = 4;

    [Fact]
    public async Task WriteState_ServerKeepsAnswering503_TriesMaxAttemptsThenFails()
    {
        using var server = new ScriptedTableServer(503);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => StorageFor(server).WriteStateAsync("state", Id(), new GrainState<TestState>(new TestState())));

        Assert.Equal(503, error.Status);
        Assert.Equal(MaxAttempts, server.Requests);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task ReadState_TransientFailuresThenAnswer_Recovers(int transientStatus)
    {
        using var server = new ScriptedTableServer(transientStatus, transientStatus, 404);
        var state = new GrainState<TestState>(new TestState(), "stale");

        await StorageFor(server).ReadStateAsync("state", Id(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(3, server.Requests);
    }

    [Theory]
    [InlineData(409, null)]
    [InlineData(412, "\"etag\"")]
    [InlineData(404, "\"etag\"")]
    public async Task WriteState_Conflict_ThrowsInconsistentStateWithoutRetrying(int status, string? etag)
    {
        using var server = new ScriptedTableServer(status);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(
            () => StorageFor(server).WriteStateAsync("state", Id(), new GrainState<TestState>(new TestState(), etag)));

        Assert.Equal(1, server.Requests);
    }

    private static GrainId Id() => GrainId.Create("scimtest", "t1/alice");

    private AzureTableGrainStorage StorageFor(ScriptedTableServer server)
    {
        var options = new AzureTableGrainStorageOptions
        {
            ConnectionString = AzuriteFixture.ConnectionStringFor(server.Port),
            MaxAttempts = MaxAttempts,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        return ActivatorUtilities.CreateInstance<AzureTableGrainStorage>(
            fixture.SiloServices, "scripted", options, Options.Create(new ClusterOptions { ServiceId = "svc" }));
    }
}
