using System.Text.Json.Nodes;
using Json.Schema;
using OrleansScim.Chart.Tests.Infrastructure;

namespace OrleansScim.Chart.Tests;

/// <summary>
/// values.schema.json (which helm checks on install and upgrade) accepts the defaults and every example,
/// and refuses values of the wrong type. (A schema <c>integer</c> accepts 1048576.0, so the float bug is
/// caught by the boot test, not here.)
/// </summary>
public sealed class ChartSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Helmlite.ChartDirectory, "values.schema.json")));

    public static TheoryData<string> Examples() => [.. Helmlite.Examples()];

    [Fact]
    public void Defaults_Conform() => AssertValid(ChartValues.Defaults(), "values.yaml");

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExample_Conforms(string example) =>
        AssertValid(ChartValues.Merged(ChartValues.Load(Helmlite.ExamplePath(example))), example);

    [Theory]
    [InlineData("""{"replicaCount": "three"}""")]
    [InlineData("""{"storage": {"provider": "Cosmos"}}""")]
    [InlineData("""{"scim": {"maxRequestBodyBytes": "1MB"}}""")]
    [InlineData("""{"cluster": {"siloPort": true}}""")]
    [InlineData("""{"cluster": {"resourceCollectionAge": "30s"}}""")]
    [InlineData("""{"replicaCount": 0}""")]
    [InlineData("""{"unknownTopLevelValue": 1}""")]
    public void WrongValues_AreRefused(string overrides)
    {
        var values = ChartValues.Merged(JsonNode.Parse(overrides)!.AsObject());
        Assert.False(Evaluate(values).IsValid, $"the schema accepted {overrides}");
    }

    private static void AssertValid(JsonObject values, string what)
    {
        var result = Evaluate(values);
        Assert.True(result.IsValid, $"{what} does not conform to values.schema.json:\n" + string.Join("\n", Errors(result)));
    }

    private static EvaluationResults Evaluate(JsonObject values) =>
        Schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(values), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
