using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Filters;

/// <summary>Resource types and sample resources the filter tests evaluate against.</summary>
internal static class FilterFixtures
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>A vendor extension no schema declares (its attributes are typed by their JSON values).</summary>
    public const string GroupTalk = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:User";

    /// <summary>A registered extension with the types the core schemas lack (numbers, dateTime, multi-valued strings).</summary>
    public const string Test = "urn:example:params:scim:schemas:extension:test:2.0:User";

    public const string AliceId = "2819c223-7f76-453a-919d-413861904646";

    public const string ManagerId = "26118915-6090-4610-87e4-49d8ca9f808d";

    public static ResourceTypeDefinition User => ScimSchemaSet.Default.User;

    public static ResourceTypeDefinition Group => ScimSchemaSet.Default.Group;

    public static ResourceTypeDefinition TestUser { get; } = ScimSchemaSet.Default.WithExtension(
        "User",
        new SchemaDefinition(
            Test,
            "Test",
            "Attributes of every type",
            [
                new AttributeDefinition { Name = "badge", Type = AttributeType.Integer },
                new AttributeDefinition { Name = "score", Type = AttributeType.Decimal },
                new AttributeDefinition { Name = "hiredAt", Type = AttributeType.DateTime },
                new AttributeDefinition { Name = "nicknames", MultiValued = true },
                new AttributeDefinition { Name = "code", CaseExact = true },
            ]),
        required: false).User;

    public static IReadOnlyDictionary<string, ResourceTypeDefinition> ResourceTypes { get; } = new Dictionary<string, ResourceTypeDefinition>
    {
        ["user"] = User,
        ["group"] = Group,
        ["testUser"] = TestUser,
    };

    /// <summary>Resources by name; each test parses a fresh copy so no test can disturb another.</summary>
    public static JsonObject Resource(string name) => (JsonObject)JsonNode.Parse(Documents[name])!;

    public static ResourceTypeDefinition TypeOf(string resourceName) => resourceName.StartsWith("group", StringComparison.Ordinal) ? Group : TestUser;

    public static ScimException AssertInvalidFilter(Action action)
    {
        var exception = Assert.Throws<ScimException>(action);
        Assert.Equal(400, exception.Status);
        Assert.Equal(ScimErrorType.InvalidFilter, exception.ScimType);
        return exception;
    }

    private static readonly Dictionary<string, string> Documents = new()
    {
        // RFC 7643 §8.2's full user, plus the extensions the tests need.
        ["alice"] = $$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{Enterprise}}"],
          "id": "{{AliceId}}",
          "externalId": "EXT-Bjensen",
          "userName": "bjensen@example.com",
          "name": { "formatted": "Ms. Barbara J Jensen III", "familyName": "Jensen", "givenName": "Barbara", "middleName": "" },
          "displayName": "Babs Jensen",
          "nickName": "",
          "title": "Tour Guide",
          "userType": "Employee",
          "preferredLanguage": "en-US",
          "locale": "en-US",
          "timezone": "America/Los_Angeles",
          "active": true,
          "emails": [
            { "value": "bjensen@example.com", "type": "work", "primary": true },
            { "value": "babs@jensen.org", "type": "home" }
          ],
          "phoneNumbers": [
            { "value": "555-555-5555", "type": "work" },
            { "value": "555-555-4444", "type": "mobile" }
          ],
          "ims": [],
          "addresses": [{}],
          "entitlements": [{ "value": "" }],
          "meta": {
            "resourceType": "User",
            "created": "2025-06-01T08:30:00Z",
            "lastModified": "2026-02-15T12:00:00.1234567Z",
            "version": "W/\"3\""
          },
          "{{Enterprise}}": {
            "employeeNumber": "701984",
            "costCenter": "4130",
            "organization": "Universal Studios",
            "division": "Theme Park",
            "department": "Tour Operations",
            "manager": { "value": "{{ManagerId}}", "displayName": "John Smith" }
          },
          "{{GroupTalk}}": { "label1": "Alpha", "label2": 42, "label3": true, "label4": "", "label5": { "value": "Nested" } },
          "{{Test}}": {
            "badge": 42,
            "score": 3.5,
            "hiredAt": "2021-04-01T09:00:00Z",
            "nicknames": ["Babs", "BJ"],
            "code": "AbC"
          }
        }
        """,

        // Empty and missing values everywhere, a disabled account and a dateTime with an offset.
        ["sparse"] = """
        {
          "id": "sparse-1",
          "userName": "ghost",
          "active": false,
          "displayName": "",
          "title": null,
          "name": {},
          "emails": [],
          "phoneNumbers": [{ "value": "" }],
          "meta": { "created": "2026-03-01T00:00:00+02:00", "lastModified": "2026-03-01T00:00:00+02:00" }
        }
        """,

        // What the older Azure AD dialect leaves behind: booleans stored as strings.
        ["stringly"] = """
        {
          "id": "stringly-1",
          "userName": "azure.user@contoso.com",
          "active": "True",
          "emails": [{ "value": "azure.user@contoso.com", "type": "work", "primary": "True" }]
        }
        """,

        // Values that need every JSON escape to be written in a filter.
        ["escapes"] = """
        {
          "id": "escapes-1",
          "userName": "esc",
          "displayName": "Quote \" Backslash \\ Slash / Tab\t Ünïcødé ✓",
          "title": "Line1\nLine2"
        }
        """,

        ["group"] = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "id": "g1",
          "displayName": "Sales EMEA",
          "externalId": "grp-1",
          "members": [
            { "value": "u1", "display": "Alice" },
            { "value": "U2", "type": "User" }
          ],
          "meta": { "resourceType": "Group", "created": "2025-01-01T00:00:00Z", "lastModified": "2025-01-02T00:00:00Z" }
        }
        """,
    };
}
