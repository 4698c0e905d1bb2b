using System.Text.Json.Nodes;
using OrleansScim.Protocol.Discovery;
using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Discovery;

public sealed class DiscoveryDocumentTests
{
    private const string BaseUrl = "https://scim.example/tenants/t1/scim";

    [Fact]
    public void ServiceProviderConfig_AdvertisesWhatTheServiceDoes()
    {
        var document = ServiceProviderConfigDocument.Build(new ServiceCapabilities(), BaseUrl);

        AssertJson(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
             "patch":{"supported":true},
             "bulk":{"supported":false,"maxOperations":0,"maxPayloadSize":0},
             "filter":{"supported":true,"maxResults":1000},
             "changePassword":{"supported":true},
             "sort":{"supported":false},
             "etag":{"supported":true},
             "pagination":{"cursor":false,"index":true,"defaultPaginationMethod":"index","defaultPageSize":100,"maxPageSize":1000,"cursorTimeout":3600},
             "authenticationSchemes":[{"type":"oauthbearertoken","name":"OAuth Bearer Token","description":"A per-tenant secret token sent as 'Authorization: Bearer <token>' (RFC 6750).","primary":true}],
             "meta":{"resourceType":"ServiceProviderConfig","location":"https://scim.example/tenants/t1/scim/ServiceProviderConfig"}}
            """,
            document,
            "RFC 7643 §5 ServiceProviderConfig with the defaults");
    }

    [Fact]
    public void ServiceProviderConfig_ReflectsCapabilities()
    {
        var capabilities = new ServiceCapabilities
        {
            Bulk = true, BulkMaxOperations = 50, BulkMaxPayloadSize = 1_048_576, Sort = true, ETag = false,
            CursorPagination = true, FilterMaxResults = 200, DocumentationUri = "https://docs.example/scim",
        };

        var document = ServiceProviderConfigDocument.Build(capabilities, BaseUrl);

        AssertJson("""{"supported":true,"maxOperations":50,"maxPayloadSize":1048576}""", document["bulk"], "RFC 7643 §5 bulk");
        AssertJson("""{"supported":true,"maxResults":200}""", document["filter"], "RFC 7643 §5 filter");
        AssertJson("""{"supported":true}""", document["sort"], "RFC 7643 §5 sort");
        AssertJson("""{"supported":false}""", document["etag"], "RFC 7643 §5 etag");
        Assert.True(document["pagination"]!["cursor"]!.GetValue<bool>());
        Assert.Equal("https://docs.example/scim", document["documentationUri"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string, string> AttributeCharacteristics => new()
    {
        { "RFC 7643 §4.1 userName is required and unique per server", "User", "userName", """{"type":"string","multiValued":false,"required":true,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"server"}""" },
        { "RFC 7643 §4.1 password is writeOnly and never returned", "User", "password", """{"type":"string","mutability":"writeOnly","returned":"never"}""" },
        { "RFC 7643 §4.1 groups is readOnly", "User", "groups", """{"type":"complex","multiValued":true,"mutability":"readOnly"}""" },
        { "RFC 7643 §4.1 active is a boolean", "User", "active", """{"type":"boolean","multiValued":false}""" },
        { "RFC 7643 §4.1 profileUrl is an external reference", "User", "profileUrl", """{"type":"reference","referenceTypes":["external"],"caseExact":true}""" },
        { "RFC 7643 §4.1 emails is multi-valued and complex", "User", "emails", """{"type":"complex","multiValued":true}""" },
        { "RFC 7643 §4.2 members is multi-valued and complex", "Group", "members", """{"type":"complex","multiValued":true,"mutability":"readWrite"}""" },
        { "RFC 7643 §4.2 displayName is required", "Group", "displayName", """{"type":"string","required":true}""" },
    };

    [Theory]
    [MemberData(nameof(AttributeCharacteristics))]
    public void SchemaDocument_DescribesAttributeCharacteristics(string rule, string type, string attribute, string expected)
    {
        var document = SchemaDocument.Build(TypeOf(type).Schema, BaseUrl);

        var described = FindByName(document["attributes"], attribute);

        foreach (var (key, value) in Json(expected))
        {
            AssertJson(value!.ToJsonString(), described[key], $"{rule}: {key}");
        }
    }

    public static TheoryData<string, string, string, string, string> SubAttributeCharacteristics => new()
    {
        { "RFC 7643 §4.2 members.value is immutable", "Group", "members", "value", """{"mutability":"immutable","caseExact":true}""" },
        { "RFC 7643 §4.2 members.type has canonical values", "Group", "members", "type", """{"canonicalValues":["User","Group"],"mutability":"immutable"}""" },
        { "RFC 7643 §4.2 members.$ref references User and Group", "Group", "members", "$ref", """{"type":"reference","referenceTypes":["User","Group"]}""" },
        { "RFC 7643 §4.1.2 emails.type has canonical values", "User", "emails", "type", """{"canonicalValues":["work","home","other"]}""" },
        { "RFC 7643 §4.1.2 emails.primary is a boolean", "User", "emails", "primary", """{"type":"boolean"}""" },
        { "RFC 7643 §4.1.2 photos.value is an external reference", "User", "photos", "value", """{"type":"reference","referenceTypes":["external"]}""" },
        { "RFC 7643 §4.1.2 x509Certificates.value is binary", "User", "x509Certificates", "value", """{"type":"binary"}""" },
        { "RFC 7643 §4.1 groups.value is readOnly", "User", "groups", "value", """{"mutability":"readOnly"}""" },
        { "RFC 7643 §4.1 name.givenName is a readWrite string", "User", "name", "givenName", """{"type":"string","mutability":"readWrite","multiValued":false}""" },
    };

    [Theory]
    [MemberData(nameof(SubAttributeCharacteristics))]
    public void SchemaDocument_DescribesSubAttributes(string rule, string type, string attribute, string subAttribute, string expected)
    {
        var document = SchemaDocument.Build(TypeOf(type).Schema, BaseUrl);

        var described = FindByName(FindByName(document["attributes"], attribute)["subAttributes"], subAttribute);

        foreach (var (key, value) in Json(expected))
        {
            AssertJson(value!.ToJsonString(), described[key], $"{rule}: {key}");
        }
    }

    [Fact]
    public void SchemaDocument_HasTheSchemaEnvelope()
    {
        var document = SchemaDocument.Build(CoreSchemas.EnterpriseUser, BaseUrl);

        Assert.Equal(SchemaUris.Schema, document["schemas"]![0]!.GetValue<string>());
        Assert.Equal(Enterprise, document["id"]!.GetValue<string>());
        Assert.Equal("EnterpriseUser", document["name"]!.GetValue<string>());
        AssertJson(
            """{"resourceType":"Schema","location":"https://scim.example/tenants/t1/scim/Schemas/$ENT"}""",
            document["meta"],
            "RFC 7643 §7 schema meta");
        var manager = FindByName(document["attributes"], "manager");
        Assert.Equal("readOnly", FindByName(manager["subAttributes"], "displayName")["mutability"]!.GetValue<string>());
    }

    [Fact]
    public void ResourceTypeDocuments_DescribeUserAndGroup()
    {
        AssertJson(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"User","name":"User","endpoint":"/Users",
             "description":"User Account","schema":"urn:ietf:params:scim:schemas:core:2.0:User",
             "schemaExtensions":[{"schema":"$ENT","required":false}],
             "meta":{"resourceType":"ResourceType","location":"https://scim.example/tenants/t1/scim/ResourceTypes/User"}}
            """,
            SchemaDocument.Build(User, BaseUrl),
            "RFC 7643 §6 User resource type");
        AssertJson(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"Group","name":"Group","endpoint":"/Groups",
             "description":"Group","schema":"urn:ietf:params:scim:schemas:core:2.0:Group","schemaExtensions":[],
             "meta":{"resourceType":"ResourceType","location":"https://scim.example/tenants/t1/scim/ResourceTypes/Group"}}
            """,
            SchemaDocument.Build(Group, BaseUrl),
            "RFC 7643 §6 Group resource type");
    }

    [Fact]
    public void SchemaSet_ListsEachSchemaOnceCoreFirst()
    {
        var ids = ScimSchemaSet.Default.Schemas.Select(s => s.Id).ToList();

        Assert.Equal([SchemaUris.User, SchemaUris.EnterpriseUser, SchemaUris.Group], ids);
    }

    [Theory]
    [InlineData(AttributeType.String, "string")]
    [InlineData(AttributeType.Boolean, "boolean")]
    [InlineData(AttributeType.Decimal, "decimal")]
    [InlineData(AttributeType.Integer, "integer")]
    [InlineData(AttributeType.DateTime, "dateTime")]
    [InlineData(AttributeType.Binary, "binary")]
    [InlineData(AttributeType.Reference, "reference")]
    [InlineData(AttributeType.Complex, "complex")]
    public void TypeName_UsesTheRfc7643Spelling(AttributeType type, string expected)
    {
        Assert.Equal(expected, SchemaDocument.TypeName(type));
    }

    private static JsonObject FindByName(JsonNode? attributes, string name) =>
        attributes!.AsArray().OfType<JsonObject>().Single(a => a["name"]!.GetValue<string>() == name);
}
