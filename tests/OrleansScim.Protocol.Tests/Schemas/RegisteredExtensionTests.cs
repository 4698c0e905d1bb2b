using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Schemas;

/// <summary>A schema read by <see cref="SchemaExtensionRegistration"/> plugs into the normalizer, PATCH engine and filters unchanged.</summary>
public sealed class RegisteredExtensionTests
{
    private const string Urn = "urn:acme:params:scim:2.0:Badge";

    private static readonly ScimSchemaSet Schemas = Register(ScimSchemaSet.Default, """
        {
          "resourceType": "User",
          "attributes": [
            { "name": "number", "required": true, "caseExact": true },
            { "name": "level", "type": "integer" },
            { "name": "active", "type": "boolean" },
            { "name": "issuedBy", "mutability": "readOnly" },
            { "name": "door", "type": "complex", "subAttributes": [{ "name": "room" }, { "name": "floor", "type": "integer" }] }
          ]
        }
        """);

    private static ResourceTypeDefinition User => Schemas.User;

    [Fact]
    public void Normalize_RFC7643Section2_3_StoresValuesInTheirDeclaredTypeAndNameCase()
    {
        var stored = ResourceNormalizer.Normalize(Body($$"""{ "userName": "a", "{{Urn}}": { "NUMBER": "B-1", "level": 3, "active": "True", "issuedBy": "me" } }"""), User, InputRules.Strict());

        var badge = stored[Urn]!.AsObject();
        Assert.Equal("B-1", badge["number"]!.GetValue<string>());
        Assert.Equal(3L, badge["level"]!.GetValue<long>());
        Assert.True(badge["active"]!.GetValue<bool>());
        Assert.Null(badge["issuedBy"]);
    }

    [Theory]
    [InlineData("RFC 7643 §2.3.4 an integer attribute refuses text", """{ "number": "B-1", "level": "three" }""")]
    [InlineData("RFC 7643 §2.3.2 a boolean attribute refuses a number", """{ "number": "B-1", "active": 7 }""")]
    [InlineData("RFC 7643 §2.3.8 a complex attribute refuses a bare number", """{ "number": "B-1", "door": 5 }""")]
    [InlineData("RFC 7643 §2.3.8 an unknown sub-attribute", """{ "number": "B-1", "door": { "wing": "A" } }""")]
    [InlineData("RFC 7643 §3.3 an attribute the extension does not declare", """{ "number": "B-1", "colour": "red" }""")]
    public void Normalize_WrongValues_Are400InvalidValue(string rule, string badge)
    {
        var error = Assert.Throws<ScimException>(() => ResourceNormalizer.Normalize(Body($$"""{ "userName": "a", "{{Urn}}": {{badge}} }"""), User, InputRules.Strict()));

        Assert.True(error.ScimType == ScimErrorType.InvalidValue, $"{rule}: {error.ScimType} {error.Detail}");
    }

    [Fact]
    public void EnsureRequired_RFC7643Section7_ARequiredExtensionAttributeMustBeSent()
    {
        var stored = ResourceNormalizer.Normalize(Body($$"""{ "userName": "a", "{{Urn}}": { "level": 1 } }"""), User, InputRules.Strict());

        var error = Assert.Throws<ScimException>(() => ResourceNormalizer.EnsureRequired(stored, User));

        Assert.Contains($"{Urn}:number", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureRequired_RFC7643Section6_ARequiredExtensionMustBePresent()
    {
        var schemas = Register(ScimSchemaSet.Default, """{ "resourceType": "User", "required": true, "attributes": [{ "name": "number" }] }""");

        var error = Assert.Throws<ScimException>(() => ResourceNormalizer.EnsureRequired(ResourceNormalizer.Normalize(Body("""{ "userName": "a" }"""), schemas.User, InputRules.Strict()), schemas.User));

        Assert.Contains("is required", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_RFC7644Section3_4_2_2_OnAnExtensionAttributeHonoursItsTypeAndCaseExact()
    {
        var stored = ResourceNormalizer.Normalize(Body($$"""{ "userName": "a", "{{Urn}}": { "number": "B-1", "level": 3 } }"""), User, InputRules.Strict());

        Assert.True(ScimFilter.Parse($"{Urn}:level gt 2", User).Matches(stored));
        Assert.True(ScimFilter.Parse($"{Urn}:number eq \"B-1\"", User).Matches(stored));
        Assert.False(ScimFilter.Parse($"{Urn}:number eq \"b-1\"", User).Matches(stored));
        Assert.Equal(ScimErrorType.InvalidFilter, Assert.Throws<ScimException>(() => ScimFilter.Parse($"{Urn}:colour eq \"red\"", User)).ScimType);
        Assert.Equal(ScimErrorType.InvalidFilter, Assert.Throws<ScimException>(() => ScimFilter.Parse($"{Urn}:level gt \"x\"", User)).ScimType);
    }

    [Fact]
    public void Patch_RFC7644Section3_5_2_ReplacesAnExtensionSubAttributeInItsType()
    {
        var stored = ResourceNormalizer.Normalize(Body($$"""{ "userName": "a", "{{Urn}}": { "number": "B-1" } }"""), User, InputRules.Strict());

        var patched = PatchEngine.Apply(stored, Body($$"""
            { "schemas": ["{{SchemaUris.PatchOp}}"], "Operations": [{ "op": "replace", "path": "{{Urn}}:door.floor", "value": "4" }] }
            """), User, InputRules.Strict());

        Assert.Equal(4L, patched[Urn]!["door"]!["floor"]!.GetValue<long>());
        Assert.Equal(ScimErrorType.Mutability, Assert.Throws<ScimException>(() => PatchEngine.Apply(stored, Body($$"""
            { "schemas": ["{{SchemaUris.PatchOp}}"], "Operations": [{ "op": "replace", "path": "{{Urn}}:issuedBy", "value": "x" }] }
            """), User, InputRules.Strict())).ScimType);
    }

    [Fact]
    public void UndeclaredExtension_IsStoredByDefault_AndRefusedWhenTheTenantRejectsThem()
    {
        var body = Body("""{ "userName": "a", "urn:vendor:ext:1.0:User": { "label1": "x" } }""");

        Assert.Equal("x", ResourceNormalizer.Normalize(body, User, InputRules.Strict())["urn:vendor:ext:1.0:User"]!["label1"]!.GetValue<string>());
        Assert.Equal(ScimErrorType.InvalidValue, Assert.Throws<ScimException>(() => ResourceNormalizer.Normalize(body, User, InputRules.Strict(rejectUndeclaredExtensions: true))).ScimType);
    }

    private static ScimSchemaSet Register(ScimSchemaSet schemas, string body)
    {
        var registration = SchemaExtensionRegistration.Parse(Urn, JsonNode.Parse(body)!.AsObject());
        return schemas.WithExtension(registration.ResourceType, registration.Schema, registration.Required);
    }

    private static JsonObject Body(string json) => ScimJson.ParseObject(json);
}
