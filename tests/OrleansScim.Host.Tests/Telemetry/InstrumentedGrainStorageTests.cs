using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansScim.Host.Telemetry;

namespace OrleansScim.Host.Tests.Telemetry;

/// <summary>Every storage call is timed, a failing one is also counted as a failure, and its exception still reaches the grain.</summary>
public sealed class InstrumentedGrainStorageTests
{
    [Fact]
    public async Task AFailingWrite_IsTimedAndCounted_ByGrainTypeOperationAndException_AndStillThrows()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new ScimMetrics(factory);
        var measured = new List<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This factory's meter only: hosts of other tests in this process have meters of the same name.
            if (instrument.Meter.Name == ScimMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measured.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measured.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var storage = new InstrumentedGrainStorage(new FailingWrites(), metrics, new StorageOperationCounts());
        var grain = GrainId.Create("user", "tenant.1/some-id");
        await storage.ReadStateAsync("user", grain, new GrainState<string>());
        await Assert.ThrowsAsync<TimeoutException>(() => storage.WriteStateAsync("user", grain, new GrainState<string>()));

        Assert.Contains(measured, m => m.Instrument == "orleansscim.storage.duration" && (string?)m.Tags["storage.operation"] == "read" && (string?)m.Tags["outcome"] == "ok");
        Assert.Contains(measured, m => m.Instrument == "orleansscim.storage.duration" && (string?)m.Tags["storage.operation"] == "write" && (string?)m.Tags["outcome"] == "failed");
        var failure = Assert.Single(measured, m => m.Instrument == "orleansscim.storage.failures");
        Assert.Equal("user", failure.Tags["orleans.grain_type"]);
        Assert.Equal(nameof(TimeoutException), failure.Tags["error.type"]);
        Assert.DoesNotContain(measured.SelectMany(m => m.Tags.Values), v => v?.ToString()?.Contains("tenant.1", StringComparison.Ordinal) == true);
    }

    private sealed class FailingWrites : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(new TimeoutException("storage did not answer"));

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}
