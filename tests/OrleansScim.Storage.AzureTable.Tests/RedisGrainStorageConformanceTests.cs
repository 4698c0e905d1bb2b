using OrleansScim.Storage.AzureTable.Tests.Infrastructure;

namespace OrleansScim.Storage.AzureTable.Tests;

/// <summary>The conformance suite against the official Redis provider, as a reference.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisGrainStorageConformanceTests(RedisFixture fixture) : GrainStorageConformanceTests(fixture);
