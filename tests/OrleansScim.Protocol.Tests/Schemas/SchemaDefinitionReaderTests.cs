using System.Text.Json.Nodes;
using OrleansScim.Protocol.Discovery;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Schemas;

public sealed class SchemaDefinitionReaderTests
{
    public static TheoryData<string> BuiltInSchemas => new() { SchemaUris.User, SchemaUris.Group, SchemaUris.EnterpriseUser };

    [Theory]
    [MemberData(nameof(BuiltInSchemas))]
    public void RoundTrip_RFC7643Section7_ReadingARenderedSchemaRendersTheSameDocument(string id)
    {
        var schema = ScimSchemaSet.Default.Schemas.Single(s => s.Id == id);
        var rendered = SchemaDocument.Build(schema, "https://scim.test/v2");

        var read = SchemaDefinitionReader.ReadSchema(rendered);

        Assert.True(JsonNode.DeepEquals(rendered, SchemaDocument.Build(read, "https://scim.test/v2")), $"{id} did not survive the round trip");
    }

    [Fact]
    public void RoundTrip_AnExtensionWithEveryCharacteristic()
    {
        var schema = new SchemaDefinition("urn:acme:params:scim:2.0:Badge", "Badge", "Door badges", [
            new AttributeDefinition { Name = "number", Required = true, CaseExact = true, Mutability = Mutability.Immutable, Returned = Returned.Always, Description = "Badge number" },
            new AttributeDefinition { Name = "level", Type = AttributeType.Integer },
            new AttributeDefinition { Name = "issued", Type = AttributeType.DateTime, Returned = Returned.Request },
            new AttributeDefinition { Name = "pin", Mutability = Mutability.WriteOnly, Returned = Returned.Never },
            new AttributeDefinition { Name = "photo", Type = AttributeType.Reference, ReferenceTypes = ["external"] },
            new AttributeDefinition { Name = "rooms", MultiValued = true, CanonicalValues = ["lab", "office"] },
            new AttributeDefinition
            {
                Name = "sponsor", Type = AttributeType.Complex,
                SubAttributes = [new AttributeDefinition { Name = "value" }, new AttributeDefinition { Name = "$ref", Type = AttributeType.Reference, ReferenceTypes = ["User"] }],
            },
        ]);
        var rendered = SchemaDocument.Build(schema, "");

        var read = SchemaDefinitionReader.ReadSchema(rendered);

        Assert.True(JsonNode.DeepEquals(rendered, SchemaDocument.Build(read, "")));
        Assert.Equal(Mutability.Immutable, read.FindAttribute("NUMBER")!.Mutability);
        Assert.Equal(["lab", "office"], read.FindAttribute("rooms")!.CanonicalValues);
    }

    [Fact]
    public void Defaults_RFC7643Section2_2_ApplyToCharacteristicsLeftOut()
    {
        var schema = SchemaDefinitionReader.ReadSchema(JsonNode.Parse("""{ "id": "urn:acme:x", "attributes": [{ "name": "tier" }] }""")!.AsObject());

        var tier = Assert.Single(schema.Attributes);
        Assert.Equal(AttributeType.String, tier.Type);
        Assert.False(tier.MultiValued || tier.Required || tier.CaseExact);
        Assert.Equal(Mutability.ReadWrite, tier.Mutability);
        Assert.Equal(Returned.Default, tier.Returned);
        Assert.Equal(Uniqueness.None, tier.Uniqueness);
    }

    [Fact]
    public void EnumeratedCharacteristics_AreReadIgnoringCase()
    {
        var schema = SchemaDefinitionReader.ReadSchema(JsonNode.Parse(
            """{ "id": "urn:acme:x", "attributes": [{ "name": "since", "type": "DATETIME", "mutability": "READONLY", "returned": "Always" }] }""")!.AsObject());

        Assert.Equal(AttributeType.DateTime, schema.Attributes[0].Type);
        Assert.Equal(Mutability.ReadOnly, schema.Attributes[0].Mutability);
        Assert.Equal(Returned.Always, schema.Attributes[0].Returned);
    }

    /// <summary>(rule, attributes JSON, scimType, words the detail must contain).</summary>
    public static TheoryData<string, string, string, string> InvalidAttributes => new()
    {
        { "RFC 7643 §7 attributes is an array", """ {"name":"x"} """, ScimErrorType.InvalidSyntax, "array" },
        { "RFC 7643 §7 a definition is an object", """ ["x"] """, ScimErrorType.InvalidSyntax, "JSON object" },
        { "RFC 7643 §7 every attribute has a name", """ [{"type":"string"}] """, ScimErrorType.InvalidSyntax, "no 'name'" },
        { "RFC 7643 §2.1 ATTRNAME starts with a letter", """ [{"name":"1st"}] """, ScimErrorType.InvalidValue, "'urn:acme:x:1st' is not a valid attribute name" },
        { "RFC 7643 §2.1 ATTRNAME has no dots", """ [{"name":"a.b"}] """, ScimErrorType.InvalidValue, "not a valid attribute name" },
        { "RFC 7643 §2.1 $ref only as a sub-attribute", """ [{"name":"$ref"}] """, ScimErrorType.InvalidValue, "not a valid attribute name" },
        { "RFC 7643 §2.1 names are case-insensitive, so unique ignoring case", """ [{"name":"tier"},{"name":"Tier"}] """, ScimErrorType.InvalidValue, "defined twice" },
        { "RFC 7643 §2.3 data types", """ [{"name":"x","type":"text"}] """, ScimErrorType.InvalidValue, "'text' is not a valid type" },
        { "RFC 7643 §7 mutability values", """ [{"name":"x","mutability":"sometimes"}] """, ScimErrorType.InvalidValue, "not a valid mutability" },
        { "RFC 7643 §7 returned values", """ [{"name":"x","returned":"maybe"}] """, ScimErrorType.InvalidValue, "not a valid returned" },
        { "RFC 7643 §7 uniqueness values", """ [{"name":"x","uniqueness":"tenant"}] """, ScimErrorType.InvalidValue, "not a valid uniqueness" },
        { "RFC 7643 §7 booleans are JSON booleans", """ [{"name":"x","multiValued":"true"}] """, ScimErrorType.InvalidSyntax, "true or false" },
        { "RFC 7643 §7 canonicalValues are strings", """ [{"name":"x","canonicalValues":[1]}] """, ScimErrorType.InvalidValue, "canonicalValues" },
        { "RFC 7643 §7 unknown characteristics are typos", """ [{"name":"x","mutabilty":"readOnly"}] """, ScimErrorType.InvalidValue, "'mutabilty'" },
        { "RFC 7643 §2.3.8 a complex attribute has sub-attributes", """ [{"name":"x","type":"complex"}] """, ScimErrorType.InvalidValue, "non-empty 'subAttributes'" },
        { "RFC 7643 §2.3.8 sub-attributes are not complex", """ [{"name":"x","type":"complex","subAttributes":[{"name":"y","type":"complex","subAttributes":[{"name":"z"}]}]}] """, ScimErrorType.InvalidValue, "'urn:acme:x:x.y' cannot be complex" },
        { "RFC 7643 §2.3.8 only complex attributes have sub-attributes", """ [{"name":"x","subAttributes":[{"name":"y"}]}] """, ScimErrorType.InvalidValue, "only complex attributes" },
        { "sub-attributes hold one value", """ [{"name":"x","type":"complex","subAttributes":[{"name":"y","multiValued":true}]}] """, ScimErrorType.InvalidValue, "cannot be multi-valued" },
        { "RFC 7643 §7 referenceTypes belong to references", """ [{"name":"x","referenceTypes":["User"]}] """, ScimErrorType.InvalidValue, "not of type 'reference'" },
        { "RFC 7643 §7 writeOnly values are never returned", """ [{"name":"x","mutability":"writeOnly"}] """, ScimErrorType.InvalidValue, "\"returned\": \"never\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidAttributes))]
    public void InvalidDefinitions_AreRefusedWithADetailNamingTheAttribute(string rule, string attributes, string scimType, string detail)
    {
        var json = JsonNode.Parse($$"""{ "id": "urn:acme:x", "attributes": {{attributes}} }""")!.AsObject();

        var error = Assert.Throws<ScimException>(() => SchemaDefinitionReader.ReadSchema(json));

        Assert.True(error.Status == 400 && error.ScimType == scimType, $"{rule}: got {error.Status} {error.ScimType}: {error.Detail}");
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyAttributes_AreRefused()
    {
        var attributes = new JsonArray([.. Enumerable.Range(0, SchemaDefinitionReader.MaxAttributes + 1).Select(i => (JsonNode)new JsonObject { ["name"] = $"a{i}" })]);

        var error = Assert.Throws<ScimException>(() => SchemaDefinitionReader.ReadSchema(new JsonObject { ["id"] = "urn:acme:x", ["attributes"] = attributes }));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }
}
