using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Provisioning;

/// <summary>Telephony app: userName, name, work email and active; matched on userName; no groups.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class TelephonyProvisioningTests(ScimHostFactory host)
{
    private const string Filter = "userName eq \"maria.sund@contoso.example\"";

    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task FullCycle_UpdatesWorkEmailInPlaceAndDisablesWithFalse(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("telephony");
        var azure = new AzureAdRequests(dialect);

        await tenant.TestConnectionAsync();
        await tenant.AssertNoMatchAsync("Users", Filter);
        var id = await tenant.CreateAsync("Users", $$"""
            {
              "schemas": ["{{Schemas.User}}"],
              "userName": "Maria.Sund@contoso.example",
              "active": true,
              "meta": { "resourceType": "User" },
              "name": { "givenName": "Maria", "familyName": "Sund" },
              "emails": [{ "primary": true, "type": "work", "value": "maria.sund@contoso.example" }, { "type": "home", "value": "maria@home.example" }],
              "roles": []
            }
            """);
        var created = await tenant.GetConsistentlyAsync("Users", id, Filter);
        JsonAssert.Contains("""
            {
              "userName": "Maria.Sund@contoso.example", "active": true,
              "name": { "givenName": "Maria", "familyName": "Sund" },
              "emails": [{ "primary": true, "type": "work", "value": "maria.sund@contoso.example" }, { "type": "home", "value": "maria@home.example" }]
            }
            """, created);

        await tenant.PatchOkAsync("Users", id, azure.Replace(
            ("name.familyName", "Sundberg"),
            ("emails[type eq \"work\"].value", "maria.sundberg@contoso.example")), HttpStatusCode.OK);
        var updated = await tenant.GetConsistentlyAsync("Users", id, Filter);
        JsonAssert.Contains("""
            {
              "name": { "givenName": "Maria", "familyName": "Sundberg" },
              "emails": [{ "primary": true, "type": "work", "value": "maria.sundberg@contoso.example" }, { "type": "home", "value": "maria@home.example" }]
            }
            """, updated);
        JsonAssert.Equal(updated, await tenant.FindOneAsync("Users", "emails[type eq \"work\"].value eq \"maria.sundberg@contoso.example\""));
        await tenant.AssertNoMatchAsync("Users", "emails[type eq \"work\"].value eq \"maria@home.example\"");

        var disabled = await tenant.PatchOkAsync("Users", id, azure.Disable(), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.False, disabled.Json["active"]!.GetValueKind());
        JsonAssert.Equal(disabled.Json, await tenant.GetConsistentlyAsync("Users", id, Filter));

        await tenant.DeleteAndVerifyGoneAsync("Users", id, Filter);
    }
}
