using OrleansScim.GrainStorage.Tests.Infrastructure;

namespace OrleansScim.GrainStorage.Tests;

/// <summary>The conformance suite against the official Redis provider, as the host configures it.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisGrainStorageConformanceTests(RedisFixture fixture) : GrainStorageConformanceTests(fixture);
