using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Benchmarks;

/// <summary>
/// Building, writing, reading and projecting resource documents: the work behind every GET and list
/// page (ResourceGrain.Respond, DirectoryQueryGrain).
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private JsonObject _attributes = null!;
    private JsonObject _user = null!;
    private string _storedUser = null!;
    private JsonObject _group = null!;

    [GlobalSetup]
    public void Setup()
    {
        _attributes = Samples.UserAttributes();
        _user = Samples.UserDocument();
        _storedUser = ScimJson.Serialize(_user);
        _group = ResourceDocument.Compose(
            Samples.Group,
            "0b7d5e2c-9a41-4f3b-8e6d-1c2a3b4d5e6f",
            Samples.GroupAttributes(Samples.MemberIds(1000, seed: 1)),
            Samples.UserMeta with { ResourceType = "Group" },
            location: null);
        var projected = Project_UserNameEmails();
        if (projected.Count != 4 || projected["emails"] is null)
        {
            throw new InvalidOperationException($"Benchmark input is wrong: the projection gave {projected.ToJsonString()}.");
        }
    }

    [Benchmark]
    public JsonObject Compose_User() => ResourceDocument.Compose(Samples.User, Samples.UserId, _attributes, Samples.UserMeta, Samples.UserLocation);

    [Benchmark]
    public byte[] SerializeToUtf8_User() => ScimJson.SerializeToUtf8(_user);

    /// <summary>The string form a grain publishes to its directory segment.</summary>
    [Benchmark]
    public string Serialize_User() => ScimJson.Serialize(_user);

    [Benchmark]
    public JsonObject ParseTrusted_User() => ScimJson.ParseTrusted(_storedUser);

    /// <summary><c>?attributes=userName,emails</c>: parse the parameter, then project (id and schemas are always returned).</summary>
    [Benchmark]
    public JsonObject Project_UserNameEmails() => AttributeProjection.Create(Samples.User, "userName,emails", null, InputRules.Tolerant()).Apply(_user);

    /// <summary>A whole GET /Users/{id} miss of the grain's cached body: compose, project by "returned" only, write.</summary>
    [Benchmark]
    public byte[] ComposeAndSerialize_User() =>
        ScimJson.SerializeToUtf8(AttributeProjection.Default(Samples.User).Apply(
            ResourceDocument.Compose(Samples.User, Samples.UserId, _attributes, Samples.UserMeta, Samples.UserLocation)));

    [Benchmark]
    public byte[] SerializeToUtf8_Group1000() => ScimJson.SerializeToUtf8(_group);
}
