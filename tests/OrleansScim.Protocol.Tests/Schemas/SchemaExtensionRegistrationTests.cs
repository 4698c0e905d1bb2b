using System.Text.Json.Nodes;
using OrleansScim.Protocol.Discovery;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Schemas;

public sealed class SchemaExtensionRegistrationTests
{
    private const string Urn = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:User";

    private const string Body = """
        {
          "resourceType": "user",
          "name": "GroupTalkUser",
          "description": "Push-to-talk labels",
          "attributes": [
            { "name": "label1", "type": "string" },
            { "name": "seats", "type": "integer", "required": true }
          ]
        }
        """;

    [Fact]
    public void Parse_ReadsTheResourceTypeAndTheSchema()
    {
        var registration = SchemaExtensionRegistration.Parse(Urn, Parse(Body));

        Assert.Equal("User", registration.ResourceType);
        Assert.False(registration.Required);
        Assert.Equal(Urn, registration.Schema.Id);
        Assert.Equal("GroupTalkUser", registration.Schema.Name);
        Assert.Equal(AttributeType.Integer, registration.Schema.FindAttribute("seats")!.Type);
    }

    [Fact]
    public void Parse_WithoutName_NamesTheSchemaAfterTheLastUrnPart()
    {
        var registration = SchemaExtensionRegistration.Parse("urn:acme:ext:1.0:Badge", Parse("""{ "resourceType": "Group", "required": true, "attributes": [{ "name": "x" }] }"""));

        Assert.Equal("Badge", registration.Schema.Name);
        Assert.Equal("Group", registration.ResourceType);
        Assert.True(registration.Required);
    }

    [Fact]
    public void StoredJson_IsTheRFC7643Representation_AndReadsBackToTheSameSchema()
    {
        var registration = SchemaExtensionRegistration.Parse(Urn, Parse(Body));

        var stored = ScimJson.ParseTrusted(registration.SchemaJson());
        var read = SchemaDefinitionReader.ReadSchema(stored);

        Assert.Null(stored["meta"]);
        Assert.Equal(SchemaUris.Schema, stored["schemas"]![0]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(SchemaDocument.Build(registration.Schema, ""), SchemaDocument.Build(read, "")));
    }

    [Fact]
    public void Parse_AcceptsWhatTheAdminApiReturns_SoASchemaCanBeSentBack()
    {
        var registration = SchemaExtensionRegistration.Parse(Urn, Parse(Body));
        var echoed = SchemaDocument.Build(registration.Schema, "https://scim.test");
        echoed["resourceType"] = "User";
        echoed["required"] = false;

        var again = SchemaExtensionRegistration.Parse(Urn, echoed);

        Assert.Equal(registration.Schema.Attributes.Count, again.Schema.Attributes.Count);
    }

    /// <summary>(rule, urn, body, words the detail must contain).</summary>
    public static TheoryData<string, string, string, string> Invalid => new()
    {
        { "RFC 7643 §3.3 schema ids are URNs", "http://acme.example/ext", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "must be a URN" },
        { "URN syntax", "urn:acme", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "not a URN of the form" },
        { "URN parts need no URL escaping", "urn:acme:ext/1", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "not a URN of the form" },
        { "URN length", "urn:acme:" + new string('x', 300), """{"resourceType":"User","attributes":[{"name":"x"}]}""", "at most 256" },
        { "RFC 7643 §8.7.1 the core namespace is reserved", "urn:ietf:params:scim:schemas:core:2.0:Device", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "reserved" },
        { "RFC 7644 messages are reserved", "urn:ietf:params:scim:api:messages:2.0:Mine", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "reserved" },
        { "RFC 7643 §4.3 the enterprise extension is built in", SchemaUris.EnterpriseUser, """{"resourceType":"User","attributes":[{"name":"x"}]}""", "built-in" },
        { "a URN continuing the enterprise URN would shadow its attributes", SchemaUris.EnterpriseUser + ":more", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "built-in" },
        { "a URN the enterprise URN continues would shadow it", "urn:ietf:params:scim:schemas:extension:enterprise:2.0", """{"resourceType":"User","attributes":[{"name":"x"}]}""", "built-in" },
        { "RFC 7643 §6 only User and Group exist", Urn, """{"resourceType":"Device","attributes":[{"name":"x"}]}""", "'resourceType' must be" },
        { "the resource type is required", Urn, """{"attributes":[{"name":"x"}]}""", "'resourceType' must be" },
        { "RFC 7643 §6 required is a boolean", Urn, """{"resourceType":"User","required":"yes","attributes":[{"name":"x"}]}""", "true or false" },
        { "the body's id must be the path's", Urn, """{"id":"urn:acme:other","resourceType":"User","attributes":[{"name":"x"}]}""", "'id' must be the URN" },
        { "unknown members are typos", Urn, """{"resourceType":"User","atributes":[{"name":"x"}]}""", "'atributes'" },
        { "an extension defines attributes", Urn, """{"resourceType":"User","attributes":[]}""", "defines no attributes" },
        { "uniqueness is enforced only for userName and displayName", Urn, """{"resourceType":"User","attributes":[{"name":"x","uniqueness":"server"}]}""", "uniqueness 'server'" },
        { "attribute definitions are validated", Urn, """{"resourceType":"User","attributes":[{"name":"x","type":"varchar"}]}""", "'varchar' is not a valid type" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidRegistrations_AreRefusedWith400(string rule, string urn, string body, string detail)
    {
        var error = Assert.Throws<ScimException>(() => SchemaExtensionRegistration.Parse(urn, Parse(body)));

        Assert.True(error.Status == 400, $"{rule}: got {error.Status}");
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:a:b", "urn:a:b", true)]
    [InlineData("urn:a:b", "URN:A:B:c", true)]
    [InlineData("urn:a:b:c", "urn:a:b", true)]
    [InlineData("urn:a:b", "urn:a:bc", false)]
    [InlineData("urn:a:b:User", "urn:a:b:Group", false)]
    public void Overlaps_WhenOneUrnEqualsOrContinuesTheOtherAtAColon(string first, string second, bool expected)
    {
        Assert.Equal(expected, SchemaUrn.Overlaps(first, second));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
