using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

public sealed class ValueNormalizerTests
{
    public static TheoryData<string, string, string, string> Accepted => ValueCoercionCases.Accepted;

    public static TheoryData<string, string, string> Rejected => ValueCoercionCases.Rejected;

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Normalize_StoresTheCanonicalValue(string rule, string type, string sent, string stored)
    {
        var attribute = new AttributeDefinition { Name = "probe", Type = Enum.Parse<AttributeType>(type) };

        var result = ValueNormalizer.Normalize(attribute, JsonNode.Parse(sent), "probe", InputRules.Strict());

        AssertJson(stored, result, rule);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Normalize_RejectsWithInvalidValue(string rule, string type, string sent)
    {
        var attribute = new AttributeDefinition { Name = "probe", Type = Enum.Parse<AttributeType>(type) };

        var error = AssertScimError(() => ValueNormalizer.Normalize(attribute, JsonNode.Parse(sent), "probe", InputRules.Strict()), 400, ScimErrorType.InvalidValue, rule);

        Assert.Contains("probe", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_MultiValuedSimpleAttribute_KeepsEachValueAndDropsNulls()
    {
        var attribute = new AttributeDefinition { Name = "nicknames", MultiValued = true };

        var result = ValueNormalizer.Normalize(attribute, JsonNode.Parse("""["Al",null,7,"Al"]"""), "nicknames", InputRules.Strict());

        AssertJson("""["Al","7"]""", result, "RFC 7643 §2.4 a multi-valued string keeps its values once, as strings");
    }

    [Fact]
    public void Normalize_DoesNotModifyTheSentValue()
    {
        var sent = JsonNode.Parse("""[{"value":"u1","display":null},{"value":"u1","display":null}]""");
        var before = sent!.ToJsonString();

        ValueNormalizer.Normalize(Group.Schema.FindAttribute("members")!, sent, "members", InputRules.Strict());

        Assert.Equal(before, sent.ToJsonString());
    }
}
