using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Benchmarks;

/// <summary>
/// Realistic inputs, shaped like what Azure AD sends for the app profiles in shared/design.md. Each
/// call builds fresh objects, so a benchmark that keeps them in a field owns them.
/// </summary>
internal static class Samples
{
    public const string UserId = "5f1c2a9e-3b7d-4e0a-9c61-2d8f4b7a0e13";

    public const string UserName = "anna.lindqvist@contoso.com";

    public const string WorkEmail = "anna.lindqvist@contoso.com";

    public const string UserLocation = "https://scim.example.com/tenants/contoso/scim/v2/Users/" + UserId;

    public static ResourceTypeDefinition User => ScimSchemaSet.Default.User;

    public static ResourceTypeDefinition Group => ScimSchemaSet.Default.Group;

    /// <summary>
    /// The "mobile workforce app" create body: userName, name, externalId, title, work email,
    /// preferredLanguage, userType, locale, timezone and five enterprise attributes, plus what Azure AD
    /// adds (active, meta, an empty roles array).
    /// </summary>
    public const string MobileWorkforceCreateBody = $$"""
    {
      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{SchemaUris.EnterpriseUser}}"],
      "externalId": "8d2b6c41-0f3e-4a57-b9c2-71e4a6d0f5b8",
      "userName": "{{UserName}}",
      "active": true,
      "name": { "givenName": "Anna", "familyName": "Lindqvist" },
      "title": "Field Service Technician",
      "emails": [ { "primary": true, "type": "work", "value": "{{WorkEmail}}" } ],
      "preferredLanguage": "sv-SE",
      "userType": "Employee",
      "locale": "sv-SE",
      "timezone": "Europe/Stockholm",
      "roles": [],
      "meta": { "resourceType": "User" },
      "{{SchemaUris.EnterpriseUser}}": {
        "employeeNumber": "104729",
        "costCenter": "CC-4711",
        "organization": "Contoso Field Operations",
        "division": "Nordics",
        "department": "Installation and Repair"
      }
    }
    """;

    public static ResourceMeta UserMeta { get; } = new(
        "User",
        new DateTimeOffset(2026, 3, 2, 8, 15, 30, 123, TimeSpan.Zero),
        new DateTimeOffset(2026, 5, 14, 17, 42, 5, 987, TimeSpan.Zero),
        7);

    public static JsonObject CreateBody() => ScimJson.ParseObject(MobileWorkforceCreateBody);

    /// <summary>The stored attributes of the mobile workforce user (the create body, normalized).</summary>
    public static JsonObject UserAttributes()
    {
        var attributes = ResourceNormalizer.Normalize(CreateBody(), User, InputRules.Strict());
        ResourceNormalizer.EnsureRequired(attributes, User);
        return attributes;
    }

    /// <summary>The full representation a GET returns and a directory segment stores (schemas, id, meta).</summary>
    public static JsonObject UserDocument() => ResourceDocument.Compose(User, UserId, UserAttributes(), UserMeta, UserLocation);

    /// <summary>Deterministic, random-looking member ids, as Azure AD object ids look.</summary>
    public static string[] MemberIds(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[16];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            ids[i] = new Guid(bytes).ToString();
        }

        return ids;
    }

    /// <summary>A group's stored attributes with the given members (each stored as Azure AD sends it: {"value": id}).</summary>
    public static JsonObject GroupAttributes(IEnumerable<string> memberIds)
    {
        var members = new JsonArray();
        foreach (var id in memberIds)
        {
            members.Add(new JsonObject { ["value"] = id });
        }

        return new JsonObject
        {
            ["displayName"] = "Field Service Technicians - Nordics",
            ["externalId"] = "3c9a7e15-64b2-4f08-8d1e-a5b0c7f29d46",
            ["members"] = members,
        };
    }

    /// <summary>A PatchOp body around the given operations.</summary>
    public static JsonObject PatchBody(params JsonObject[] operations)
    {
        var array = new JsonArray();
        foreach (var operation in operations)
        {
            array.Add(operation);
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.PatchOp),
            ["Operations"] = array,
        };
    }

    /// <summary>{"value": id} objects, the shape of Azure AD's member add and remove values.</summary>
    public static JsonArray MemberValues(IEnumerable<string> ids)
    {
        var values = new JsonArray();
        foreach (var id in ids)
        {
            values.Add(new JsonObject { ["value"] = id });
        }

        return values;
    }
}
