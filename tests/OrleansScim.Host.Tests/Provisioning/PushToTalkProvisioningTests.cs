using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Provisioning;

/// <summary>
/// Push-to-talk app: userName, mobile phone, work email, active, name, externalId, enterprise
/// costCenter/organization and the grouptalk User extension (label1..label5), matched on the work
/// email; groups with displayName, members, externalId and the grouptalk Group description.
/// </summary>
public abstract class PushToTalkProvisioningTests(ScimHostFactory host)
{
    private const string WorkEmail = "erik.holm@fleet.example";
    private const string EmailFilter = $"emails[type eq \"work\"].value eq \"{WorkEmail}\"";

    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task UserCycle_StoresPhoneEmailEnterpriseAndVendorExtension(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("ptt-user");
        var azure = new AzureAdRequests(dialect);

        await tenant.TestConnectionAsync();
        await tenant.AssertNoMatchAsync("Users", EmailFilter);
        var id = await CreateDriverAsync(tenant);
        var created = await tenant.GetConsistentlyAsync("Users", id, EmailFilter);
        JsonAssert.Contains($$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}", "{{Schemas.GroupTalkUser}}"],
              "userName": "erik.holm", "externalId": "ptt-000123", "active": true,
              "name": { "givenName": "Erik", "familyName": "Holm" },
              "phoneNumbers": [{ "type": "mobile", "value": "+46 70 123 45 67" }],
              "emails": [{ "primary": true, "type": "work", "value": "{{WorkEmail}}" }],
              "{{Schemas.Enterprise}}": { "costCenter": "4100", "organization": "Fleet Ops" },
              "{{Schemas.GroupTalkUser}}": { "label1": "Driver", "label2": "Truck 12", "label4": "Night", "label5": "Gothenburg" }
            }
            """, created);
        Assert.Null(created[Schemas.GroupTalkUser]!["label3"]);

        await tenant.PatchOkAsync("Users", id, azure.Replace(
            ("phoneNumbers[type eq \"mobile\"].value", "+46 70 765 43 21"),
            ("name.familyName", "Holm-Berg"),
            (Schemas.Enterprise + ":costCenter", "4200"),
            (Schemas.GroupTalkUser + ":label1", "Dispatcher"),
            (Schemas.GroupTalkUser + ":label5", "Malmö")), HttpStatusCode.OK);
        await tenant.PatchOkAsync("Users", id, azure.Add((Schemas.GroupTalkUser + ":label3", "Team B")), HttpStatusCode.OK);
        var updated = await tenant.GetConsistentlyAsync("Users", id, EmailFilter);
        JsonAssert.Contains($$"""
            {
              "userName": "erik.holm", "externalId": "ptt-000123", "active": true,
              "name": { "givenName": "Erik", "familyName": "Holm-Berg" },
              "phoneNumbers": [{ "type": "mobile", "value": "+46 70 765 43 21" }],
              "emails": [{ "primary": true, "type": "work", "value": "{{WorkEmail}}" }],
              "{{Schemas.Enterprise}}": { "costCenter": "4200", "organization": "Fleet Ops" },
              "{{Schemas.GroupTalkUser}}": { "label1": "Dispatcher", "label2": "Truck 12", "label3": "Team B", "label4": "Night", "label5": "Malmö" }
            }
            """, updated);

        await tenant.PatchOkAsync("Users", id, azure.Disable(), HttpStatusCode.OK);
        var disabled = await tenant.GetConsistentlyAsync("Users", id, EmailFilter);
        Assert.False(disabled["active"]!.GetValue<bool>());
        Assert.Equal("Malmö", disabled[Schemas.GroupTalkUser]!["label5"]!.GetValue<string>());

        await tenant.DeleteAndVerifyGoneAsync("Users", id, EmailFilter);
    }

    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task GroupCycle_ManagesMembersAndVendorDescription(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("ptt-group");
        var azure = new AzureAdRequests(dialect);
        const string GroupFilter = "displayName eq \"Dispatch North\"";
        var driver = await CreateDriverAsync(tenant);
        var crew = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            crew.Add(await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "crew{{i}}@fleet.example", "active": true }"""));
        }

        await tenant.AssertNoMatchAsync("Groups", GroupFilter);
        var created = await tenant.PostAsync("/Groups", $$"""
            {
              "schemas": ["{{Schemas.Group}}", "{{Schemas.AdScimGroup}}", "{{Schemas.GroupTalkGroup}}"],
              "externalId": "9b2f6e4c-aaaa-4bbb-8ccc-123456789abc",
              "displayName": "Dispatch North",
              "meta": { "resourceType": "Group" },
              "members": [{ "value": "{{driver}}" }],
              "{{Schemas.GroupTalkGroup}}": { "description": "Dispatch channel, northern region" }
            }
            """);
        created.AssertStatus(HttpStatusCode.Created);
        var group = created.Json["id"]!.GetValue<string>();
        Assert.Equal($"{tenant.BaseUrl}/Groups/{group}", created.Response.Headers.Location!.ToString());
        JsonAssert.Contains($$"""
            {
              "schemas": ["{{Schemas.Group}}", "{{Schemas.GroupTalkGroup}}"],
              "displayName": "Dispatch North", "externalId": "9b2f6e4c-aaaa-4bbb-8ccc-123456789abc",
              "members": [{ "value": "{{driver}}" }],
              "{{Schemas.GroupTalkGroup}}": { "description": "Dispatch channel, northern region" },
              "meta": { "resourceType": "Group" }
            }
            """, created.Json);
        var stored = await tenant.GetConsistentlyAsync("Groups", group, GroupFilter);
        JsonAssert.Equal(stored, await tenant.FindOneAsync("Groups", "externalId eq \"9b2f6e4c-aaaa-4bbb-8ccc-123456789abc\""));
        await tenant.WaitForGroupsAsync(driver, group);
        Assert.True(await tenant.IsMemberAsync(group, driver));
        Assert.False(await tenant.IsMemberAsync(group, crew[0]));

        // Many members in one PATCH; a group PATCH answers 204 without a body.
        var added = await tenant.PatchOkAsync("Groups", group, azure.AddMembers(crew), HttpStatusCode.NoContent);
        Assert.Empty(added.Body);
        Assert.Equal([.. crew.Append(driver).Order(StringComparer.Ordinal)], await tenant.MemberIdsAsync(group));
        foreach (var member in crew)
        {
            await tenant.WaitForGroupsAsync(member, group);
        }

        Assert.True(await tenant.IsMemberAsync(group, crew[5]));

        // Removing two members removes only those two.
        await tenant.PatchOkAsync("Groups", group, azure.RemoveMembers([crew[0], crew[1]]), HttpStatusCode.NoContent);
        Assert.Equal([.. crew.Skip(2).Append(driver).Order(StringComparer.Ordinal)], await tenant.MemberIdsAsync(group));
        Assert.False(await tenant.IsMemberAsync(group, crew[0]));
        Assert.True(await tenant.IsMemberAsync(group, crew[2]));
        await tenant.WaitForGroupsAsync(crew[0]);
        await tenant.WaitForGroupsAsync(crew[1]);

        await tenant.PatchOkAsync("Groups", group, azure.Replace(
            ("displayName", "Dispatch North-East"),
            (Schemas.GroupTalkGroup + ":description", "Dispatch channel, north-east")), HttpStatusCode.NoContent);
        var renamed = await tenant.GetConsistentlyAsync("Groups", group, "displayName eq \"Dispatch North-East\"");
        JsonAssert.Contains($$"""{ "displayName": "Dispatch North-East", "{{Schemas.GroupTalkGroup}}": { "description": "Dispatch channel, north-east" } }""", renamed);
        Assert.Equal(10, renamed["members"]!.AsArray().Count);
        await tenant.AssertNoMatchAsync("Groups", GroupFilter);

        // A disabled user stays a member; a deleted one leaves the group.
        await tenant.PatchOkAsync("Users", driver, azure.Disable(), HttpStatusCode.OK);
        Assert.True(await tenant.IsMemberAsync(group, driver));
        await tenant.DeleteAndVerifyGoneAsync("Users", driver, EmailFilter);
        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(group), members => !members.Contains(driver), "the deleted driver left the group");
        Assert.False(await tenant.IsMemberAsync(group, driver));

        await tenant.DeleteAndVerifyGoneAsync("Groups", group, "displayName eq \"Dispatch North-East\"");
        await tenant.WaitForGroupsAsync(crew[2]);
        await tenant.WaitForGroupsAsync(crew[10]);
    }

    private static Task<string> CreateDriverAsync(TenantClient tenant) => tenant.CreateAsync("Users", $$"""
        {
          "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}", "{{Schemas.GroupTalkUser}}"],
          "externalId": "ptt-000123",
          "userName": "erik.holm",
          "active": true,
          "meta": { "resourceType": "User" },
          "name": { "givenName": "Erik", "familyName": "Holm" },
          "phoneNumbers": [{ "type": "mobile", "value": "+46 70 123 45 67" }],
          "emails": [{ "primary": true, "type": "work", "value": "{{WorkEmail}}" }],
          "roles": [],
          "{{Schemas.Enterprise}}": { "costCenter": "4100", "organization": "Fleet Ops" },
          "{{Schemas.GroupTalkUser}}": { "label1": "Driver", "label2": "Truck 12", "label3": null, "label4": "Night", "label5": "Gothenburg" }
        }
        """);
}

/// <summary>The replay on a host where groups keep their members inline.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class PushToTalkProvisioningWithInlineMembersTests(ScimHostFactory host) : PushToTalkProvisioningTests(host);

/// <summary>The same replay where every group beyond two members keeps them in member buckets.</summary>
[Collection(LargeGroupHostCollection.Name)]
public sealed class PushToTalkProvisioningWithMemberBucketsTests(LargeGroupHostFactory host) : PushToTalkProvisioningTests(host);
