using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

public sealed class ResourceNormalizerTests
{
    public static TheoryData<string, string, string, string> Cases => NormalizationCases.Cases;

    public static TheoryData<string, string, string, bool, int, string> Errors => NormalizationCases.Errors;

    public static TheoryData<string, string, string, string> ProfileCreates => ApplicationProfileCases.Creates;

    public static TheoryData<string, string, string, string, string> ProfileUpdates => ApplicationProfileCases.Updates;

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(ProfileCreates))]
    public void Normalize_ProducesTheCanonicalAttributes(string rule, string type, string body, string expected)
    {
        var input = Json(body);

        var attributes = ResourceNormalizer.Normalize(input, TypeOf(type), InputRules.Strict());
        ResourceNormalizer.EnsureRequired(attributes, TypeOf(type));

        AssertJson(expected, attributes, rule);
        AssertJson(body, input, rule + " (the body must not change)");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(ProfileCreates))]
    public void Normalize_OfCanonicalAttributes_IsTheIdentity(string rule, string type, string body, string expected)
    {
        _ = body;

        AssertJson(expected, Normalize(type, expected), rule + " (normalizing twice changes nothing)");
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Normalize_RejectsTheBody(string rule, string type, string body, bool rejectUndeclared, int status, string scimType)
    {
        AssertScimError(() => Normalize(type, body, rejectUndeclared), status, scimType, rule);
    }

    [Theory]
    [MemberData(nameof(ProfileUpdates))]
    public void Patch_OfAProfileResource_ProducesTheExpectedAttributes(string rule, string type, string before, string operations, string expected)
    {
        AssertJson(expected, ApplyPatch(type, before, operations), rule);
    }

    [Fact]
    public void Normalize_WithRejectUndeclared_StillAcceptsRegisteredExtensions()
    {
        var attributes = Normalize("User", """{"userName":"alice","$ENT":{"department":"Sales"}}""", rejectUndeclared: true);

        AssertJson("""{"userName":"alice","$ENT":{"department":"Sales"}}""", attributes, "RFC 7643 §3 registered extensions are always accepted");
    }

    [Fact]
    public void Normalize_ATenantExtension_IsTypedByItsSchema()
    {
        var schema = new SchemaDefinition("urn:example:scim:schemas:extension:badge:2.0:User", "Badge", "Badge", [new AttributeDefinition { Name = "badge", Type = AttributeType.Integer, Required = true }]);
        var type = ScimSchemaSet.Default.WithExtension("User", schema, required: true).User;

        var attributes = ResourceNormalizer.Normalize(Json("""{"userName":"alice","urn:example:scim:schemas:extension:badge:2.0:User":{"BADGE":"42"}}"""), type, InputRules.Strict(rejectUndeclaredExtensions: true));

        AssertJson("""{"userName":"alice","urn:example:scim:schemas:extension:badge:2.0:User":{"badge":42}}""", attributes, "RFC 7643 §3 a registered extension's attributes follow its schema");
        ResourceNormalizer.EnsureRequired(attributes, type);
        AssertScimError(() => ResourceNormalizer.EnsureRequired(Json("""{"userName":"alice"}"""), type), 400, "invalidValue", "RFC 7643 §6 a required extension must be present");
        AssertScimError(() => ResourceNormalizer.EnsureRequired(Json("""{"userName":"alice","urn:example:scim:schemas:extension:badge:2.0:User":{"other":1}}"""), type), 400, "invalidValue", "RFC 7643 §7 a required extension attribute must be present");
    }

    [Fact]
    public void Normalize_Password_IsStoredAsASaltedHashNeverAsSent()
    {
        var first = Normalize("User", """{"userName":"alice","password":"Secret!1"}""")["password"]!.GetValue<string>();
        var second = Normalize("User", """{"userName":"alice","password":"Secret!1"}""")["password"]!.GetValue<string>();

        Assert.StartsWith(WriteOnlyValues.HashPrefix, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret!1", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Normalize_PasswordThatLooksLikeAHash_IsHashedToo()
    {
        const string lookalike = WriteOnlyValues.HashPrefix + "10000$c2FsdA==$aGFzaA==";

        var stored = Normalize("User", $$"""{"userName":"alice","password":"{{lookalike}}"}""")["password"]!.GetValue<string>();

        Assert.NotEqual(lookalike, stored);
        Assert.StartsWith(WriteOnlyValues.HashPrefix, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_Password_IsStoredHashed()
    {
        var result = ApplyPatch("User", """{"userName":"alice"}""", """[{"op":"replace","path":"password","value":"Secret!1"}]""");

        var stored = result["password"]!.GetValue<string>();
        Assert.StartsWith(WriteOnlyValues.HashPrefix, stored, StringComparison.Ordinal);
        Assert.NotEqual("Secret!1", stored);
    }

    [Fact]
    public void Protect_LeavesOtherAttributesAlone()
    {
        var value = JsonValue.Create("plain");

        Assert.Same(value, WriteOnlyValues.Protect(User.Schema.FindAttribute("title")!, value));
    }

    [Theory]
    [InlineData("RFC 7643 §7 a non-empty string has a value", "\"x\"", true)]
    [InlineData("RFC 7643 §7 an empty string has no value", "\"\"", false)]
    [InlineData("RFC 7643 §7 an empty array has no value", "[]", false)]
    [InlineData("RFC 7643 §7 an empty object has no value", "{}", false)]
    [InlineData("RFC 7643 §7 null has no value", "null", false)]
    [InlineData("RFC 7643 §7 false is a value", "false", true)]
    [InlineData("RFC 7643 §7 0 is a value", "0", true)]
    [InlineData("RFC 7643 §7 a non-empty array has a value", "[1]", true)]
    public void HasValue_FollowsRequiredSemantics(string rule, string json, bool expected)
    {
        Assert.True(expected == ResourceNormalizer.HasValue(JsonNode.Parse(json)), rule);
    }

    [Fact]
    public void SetAttribute_StoresUnderTheExtensionAndDropsAnEmptyExtension()
    {
        var resource = Json("""{"userName":"alice"}""");
        var department = User.Resolve(Enterprise + ":department")!;

        ResourceNormalizer.SetAttribute(resource, department, JsonValue.Create("Sales"));
        AssertJson("""{"userName":"alice","$ENT":{"department":"Sales"}}""", resource, "RFC 7643 §3 extension attributes live under their URN");

        ResourceNormalizer.SetAttribute(resource, department, null);
        AssertJson("""{"userName":"alice"}""", resource, "an extension without attributes is not kept");
    }

    [Fact]
    public void Patch_OutputOfAProfileCreate_CanBeNormalizedAgainUnchanged()
    {
        // What PATCH stores must be canonical too: a later PUT round-trip of the same data changes nothing.
        var stored = ApplyPatch("User", """{"userName":"alice"}""", """[{"op":"replace","path":"emails[TYPE eq \"Work\"].VALUE","value":"a@example.com"},{"op":"add","path":"$ENT:MANAGER","value":[{"$ref":null,"value":"m1"}]}]""");

        AssertJson("""{"userName":"alice","emails":[{"value":"a@example.com","type":"Work"}],"$ENT":{"manager":{"value":"m1"}}}""", stored, "PATCH stores schema names");
        AssertJson(stored.ToJsonString(), ResourceNormalizer.Normalize(stored, User, InputRules.Strict()), "PATCH output is canonical");
    }
}
