using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Resources;

namespace OrleansScim.Benchmarks;

/// <summary>
/// The grain state serializer the service configures (Orleans' binary serializer) against the grain
/// storage providers' default (Newtonsoft JSON through Orleans' <c>JsonGrainStorageSerializer</c>), on
/// the states written most: a user of the mobile workforce profile, and a directory segment's 128
/// documents. Sizes: <c>dotnet run -c Release --project load/benchmarks/OrleansScim.Benchmarks -- state-sizes</c>.
/// </summary>
[MemoryDiagnoser]
public class GrainStateSerializerBenchmarks
{
    private IGrainStorageSerializer _serializer = null!;
    private ResourceState _user = null!;
    private SegmentDocumentsState _segment = null!;
    private BinaryData _userBytes = null!;
    private BinaryData _segmentBytes = null!;

    [Params("binary", "json")]
    public string Serializer { get; set; } = "binary";

    [GlobalSetup]
    public void Setup()
    {
        _serializer = GrainStateSamples.Serializers()[Serializer];
        (_user, _segment) = (GrainStateSamples.User(), GrainStateSamples.Segment());
        (_userBytes, _segmentBytes) = (_serializer.Serialize(_user), _serializer.Serialize(_segment));
        if (_serializer.Deserialize<ResourceState>(_userBytes)!.Attributes != _user.Attributes)
        {
            throw new InvalidOperationException($"The {Serializer} serializer does not round-trip a user.");
        }
    }

    [Benchmark]
    public BinaryData Serialize_User() => _serializer.Serialize(_user);

    [Benchmark]
    public ResourceState Deserialize_User() => _serializer.Deserialize<ResourceState>(_userBytes)!;

    [Benchmark]
    public BinaryData Serialize_Segment128() => _serializer.Serialize(_segment);

    [Benchmark]
    public SegmentDocumentsState Deserialize_Segment128() => _serializer.Deserialize<SegmentDocumentsState>(_segmentBytes)!;
}

/// <summary>The states and the two serializers, taken from a silo's own services (built, not started).</summary>
internal static class GrainStateSamples
{
    public static IReadOnlyDictionary<string, IGrainStorageSerializer> Serializers()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        var services = builder.Build().Services;
        return new Dictionary<string, IGrainStorageSerializer>
        {
            ["binary"] = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services),
            ["json"] = services.GetRequiredService<IGrainStorageSerializer>(),
        };
    }

    public static ResourceState User() => new()
    {
        Attributes = Samples.UserAttributes().ToJsonString(),
        Created = Samples.UserMeta.Created,
        LastModified = Samples.UserMeta.LastModified,
        Version = 3,
        Sequence = 41_234,
        MemberOf = ["0a7c3c49-6d0a-4f3f-9d7b-1c2e3f4a5b6c", "9f8e7d6c-5b4a-4321-8765-0fedcba98765"],
        IndexVersion = IndexMigration.CurrentVersion,
    };

    public static SegmentDocumentsState Segment()
    {
        // A byte array of its own per document, as stored segments have (the binary serializer would write a shared one once).
        var json = Samples.UserDocument().ToJsonString();
        return new SegmentDocumentsState
        {
            Documents = Enumerable.Range(0, 128).ToDictionary(i => (long)i, i => new DirectoryDocument(i, Guid.NewGuid().ToString("D"), 1, Encoding.UTF8.GetBytes(json))),
        };
    }

    /// <summary>Prints the serialized size of each sample with each serializer.</summary>
    public static void PrintSizes()
    {
        foreach (var (name, serializer) in Serializers())
        {
            Console.WriteLine($"{name,-6} user {serializer.Serialize(User()).ToMemory().Length,6} bytes   segment of 128 documents {serializer.Serialize(Segment()).ToMemory().Length,7} bytes");
        }
    }
}
