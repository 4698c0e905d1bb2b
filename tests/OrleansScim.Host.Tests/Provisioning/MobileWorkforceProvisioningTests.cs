using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Provisioning;

/// <summary>
/// Mobile workforce app: userName, name, externalId, title, work email, preferredLanguage, userType,
/// locale, timezone and the enterprise employeeNumber/costCenter/organization/division/department;
/// matched on userName; no groups.
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class MobileWorkforceProvisioningTests(ScimHostFactory host)
{
    private const string UserName = "Anna.Berg@contoso.example";
    private const string UserNameFilter = "userName eq \"anna.berg@contoso.example\"";

    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task FullCycle_StoresAndReturnsEveryMappedAttribute(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("mobile");
        var azure = new AzureAdRequests(dialect);

        await tenant.TestConnectionAsync();
        await tenant.AssertNoMatchAsync("Users", UserNameFilter);

        // Created before the user has a mailbox: no work email yet.
        var created = await tenant.PostAsync("/Users", $$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"],
              "externalId": "a1f3c2d4-0001-4e5f-8a9b-0c1d2e3f4a5b",
              "userName": "{{UserName}}",
              "active": true,
              "title": "Field Technician",
              "preferredLanguage": "sv-SE",
              "userType": "Member",
              "locale": "sv-SE",
              "timezone": "Europe/Stockholm",
              "meta": { "resourceType": "User" },
              "name": { "formatted": null, "familyName": "Berg", "givenName": "Anna" },
              "roles": [],
              "nickName": null,
              "{{Schemas.Enterprise}}": {
                "employeeNumber": "10042",
                "costCenter": "CC-310",
                "organization": "Contoso",
                "division": "Field Services",
                "department": "North",
                "manager": null
              }
            }
            """);
        created.AssertStatus(HttpStatusCode.Created);
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal(created.Json["meta"]!["location"]!.GetValue<string>(), created.Response.Headers.Location!.ToString());
        Assert.Equal($"{tenant.BaseUrl}/Users/{id}", created.Response.Headers.Location!.ToString());
        Assert.Equal("User", created.Json["meta"]!["resourceType"]!.GetValue<string>());
        Assert.NotNull(created.Json["meta"]!["created"]);
        Assert.NotNull(created.Json["meta"]!["lastModified"]);
        Assert.Equal(created.Json["meta"]!["version"]!.GetValue<string>(), created.Response.Headers.ETag!.ToString());
        Assert.Null(created.Json["roles"]);
        Assert.Null(created.Json["nickName"]);
        Assert.Null(created.Json["emails"]);
        JsonAssert.Contains($$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"],
              "userName": "{{UserName}}", "externalId": "a1f3c2d4-0001-4e5f-8a9b-0c1d2e3f4a5b", "active": true,
              "title": "Field Technician", "preferredLanguage": "sv-SE", "userType": "Member", "locale": "sv-SE", "timezone": "Europe/Stockholm",
              "name": { "familyName": "Berg", "givenName": "Anna" },
              "{{Schemas.Enterprise}}": { "employeeNumber": "10042", "costCenter": "CC-310", "organization": "Contoso", "division": "Field Services", "department": "North" }
            }
            """, created.Json);
        JsonAssert.Equal(created.Json, await tenant.GetConsistentlyAsync("Users", id, UserNameFilter));

        // The user gets a mailbox: replacing emails[type eq "work"].value creates the work email.
        var patched = await tenant.PatchOkAsync("Users", id, azure.Replace(
            ("emails[type eq \"work\"].value", "anna.berg@contoso.example"),
            ("title", "Senior Field Technician"),
            ("name.givenName", "Annika"),
            ("preferredLanguage", "en-GB"),
            ("locale", "en-GB"),
            ("timezone", "Europe/London"),
            (Schemas.Enterprise + ":employeeNumber", "20042"),
            (Schemas.Enterprise + ":department", "South"),
            (Schemas.Enterprise + ":division", "Installations")), HttpStatusCode.OK);
        var expected = $$"""
            {
              "userName": "{{UserName}}", "externalId": "a1f3c2d4-0001-4e5f-8a9b-0c1d2e3f4a5b", "active": true,
              "title": "Senior Field Technician", "preferredLanguage": "en-GB", "userType": "Member", "locale": "en-GB", "timezone": "Europe/London",
              "name": { "familyName": "Berg", "givenName": "Annika" },
              "emails": [{ "type": "work", "value": "anna.berg@contoso.example" }],
              "{{Schemas.Enterprise}}": { "employeeNumber": "20042", "costCenter": "CC-310", "organization": "Contoso", "division": "Installations", "department": "South" }
            }
            """;
        JsonAssert.Contains(expected, patched.Json);
        var stored = await tenant.GetConsistentlyAsync("Users", id, UserNameFilter);
        JsonAssert.Equal(patched.Json, stored);
        JsonAssert.Equal(stored, await tenant.FindOneAsync("Users", "emails[type eq \"work\"].value eq \"anna.berg@contoso.example\""));
        JsonAssert.Equal(stored, await tenant.FindOneAsync("Users", "externalId eq \"a1f3c2d4-0001-4e5f-8a9b-0c1d2e3f4a5b\""));

        // A changed address replaces the work email; there is still exactly one of that type.
        await tenant.PatchOkAsync("Users", id, azure.Replace(("emails[type eq \"work\"].value", "annika.berg@contoso.example")), HttpStatusCode.OK);
        JsonAssert.Contains("""{ "emails": [{ "type": "work", "value": "annika.berg@contoso.example" }] }""", await tenant.GetResourceAsync("Users", id));
        await tenant.AssertNoMatchAsync("Users", "emails[type eq \"work\"].value eq \"anna.berg@contoso.example\"");

        await tenant.PatchOkAsync("Users", id, azure.Disable(), HttpStatusCode.OK);
        var disabled = await tenant.GetConsistentlyAsync("Users", id, UserNameFilter);
        Assert.False(disabled["active"]!.GetValue<bool>());
        JsonAssert.Equal(disabled, await tenant.FindOneAsync("Users", "active eq false"));

        await tenant.DeleteAndVerifyGoneAsync("Users", id, UserNameFilter);
    }
}
