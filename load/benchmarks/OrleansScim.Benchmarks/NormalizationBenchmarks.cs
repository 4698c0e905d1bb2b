using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Benchmarks;

/// <summary>A POST /Users body of the mobile workforce profile turned into stored attributes.</summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    private JsonObject _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = Samples.CreateBody();
        var before = _body.DeepClone();
        var attributes = Normalize_MobileWorkforce();
        if (attributes["meta"] is not null || attributes[SchemaUris.EnterpriseUser] is not JsonObject { Count: 5 } || !JsonNode.DeepEquals(before, _body))
        {
            throw new InvalidOperationException($"Benchmark input is wrong: normalized to {attributes.ToJsonString()}, or the input was modified.");
        }
    }

    [Benchmark]
    public JsonObject Normalize_MobileWorkforce()
    {
        var attributes = ResourceNormalizer.Normalize(_body, Samples.User, InputRules.Strict());
        ResourceNormalizer.EnsureRequired(attributes, Samples.User);
        return attributes;
    }

    /// <summary>Component: the request body read with the request-body rules (depth limit, duplicate names rejected).</summary>
    [Benchmark]
    public JsonObject ParseObject_CreateBody() => ScimJson.ParseObject(Samples.MobileWorkforceCreateBody);

    /// <summary>The whole request step: body text to validated attributes.</summary>
    [Benchmark]
    public JsonObject ParseAndNormalize_MobileWorkforce()
    {
        var attributes = ResourceNormalizer.Normalize(ScimJson.ParseObject(Samples.MobileWorkforceCreateBody), Samples.User, InputRules.Strict());
        ResourceNormalizer.EnsureRequired(attributes, Samples.User);
        return attributes;
    }
}
