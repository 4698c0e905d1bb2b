using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Provisioning;

/// <summary>
/// Time tracking app: userName, active, displayName, work email, externalId and the enterprise
/// employeeNumber and manager; matched on externalId; no groups.
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class TimeTrackingProvisioningTests(ScimHostFactory host)
{
    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task FullCycle_StoresManagerInEveryFormAzureAdSends(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("timetrack");
        var azure = new AzureAdRequests(dialect);
        const string ExternalId = "7d9e1a20-5b6c-4d7e-8f90-a1b2c3d4e5f6";
        const string Filter = $"externalId eq \"{ExternalId}\"";

        await tenant.TestConnectionAsync();
        await tenant.AssertNoMatchAsync("Users", Filter);
        var firstManager = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "boss.one@contoso.example", "externalId": "mgr-1", "active": true }""");
        var secondManager = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "boss.two@contoso.example", "externalId": "mgr-2", "active": true }""");

        var id = await tenant.CreateAsync("Users", $$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"],
              "externalId": "{{ExternalId}}",
              "userName": "jonas.lind@contoso.example",
              "active": true,
              "displayName": "Jonas Lind",
              "emails": [{ "primary": true, "type": "work", "value": "jonas.lind@contoso.example" }],
              "meta": { "resourceType": "User" },
              "roles": [],
              "{{Schemas.Enterprise}}": { "employeeNumber": "T-0815", "manager": null }
            }
            """);
        var created = await tenant.GetConsistentlyAsync("Users", id, Filter);
        JsonAssert.Contains($$"""
            {
              "externalId": "{{ExternalId}}", "userName": "jonas.lind@contoso.example", "active": true, "displayName": "Jonas Lind",
              "emails": [{ "primary": true, "type": "work", "value": "jonas.lind@contoso.example" }],
              "{{Schemas.Enterprise}}": { "employeeNumber": "T-0815" }
            }
            """, created);
        Assert.Null(created[Schemas.Enterprise]!["manager"]);

        await tenant.PatchOkAsync("Users", id, azure.SetManager(firstManager, ManagerForm.BareId), HttpStatusCode.OK);
        Assert.Equal(firstManager, (await tenant.GetConsistentlyAsync("Users", id, Filter))[Schemas.Enterprise]!["manager"]!["value"]!.GetValue<string>());

        await tenant.PatchOkAsync("Users", id, azure.SetManager(secondManager, ManagerForm.ValueObject), HttpStatusCode.OK);
        Assert.Equal(secondManager, (await tenant.GetConsistentlyAsync("Users", id, Filter))[Schemas.Enterprise]!["manager"]!["value"]!.GetValue<string>());

        var patched = await tenant.PatchOkAsync("Users", id, azure.SetManager(firstManager, ManagerForm.RefArray), HttpStatusCode.OK);
        var manager = patched.Json[Schemas.Enterprise]!["manager"]!;
        Assert.Equal(firstManager, manager["value"]!.GetValue<string>());
        Assert.False(manager.AsObject().TryGetPropertyValue("$ref", out var reference) && reference is null, "a null $ref is not stored");

        await tenant.PatchOkAsync("Users", id, azure.Replace(
            ("displayName", "Jonas P. Lind"),
            ("emails[type eq \"work\"].value", "jonas.p.lind@contoso.example"),
            (Schemas.Enterprise + ":employeeNumber", "T-4711")), HttpStatusCode.OK);
        var updated = await tenant.GetConsistentlyAsync("Users", id, Filter);
        JsonAssert.Contains($$"""
            {
              "displayName": "Jonas P. Lind", "active": true,
              "emails": [{ "primary": true, "type": "work", "value": "jonas.p.lind@contoso.example" }],
              "{{Schemas.Enterprise}}": { "employeeNumber": "T-4711", "manager": { "value": "{{firstManager}}" } }
            }
            """, updated);

        // Time tracking disables with "False" in the legacy dialect (false in the RFC one); it is stored as a boolean.
        var disabled = await tenant.PatchOkAsync("Users", id, azure.Disable(), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.False, disabled.Json["active"]!.GetValueKind());
        JsonAssert.Equal(disabled.Json, await tenant.GetConsistentlyAsync("Users", id, Filter));
        JsonAssert.Equal(disabled.Json, await tenant.FindOneAsync("Users", $"externalId eq \"{ExternalId}\" and active eq false"));

        await tenant.DeleteAndVerifyGoneAsync("Users", id, Filter);
        await tenant.GetResourceAsync("Users", firstManager);
    }
}
