using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Provisioning;

/// <summary>
/// Finance workflow app: userName, work email, displayName, active, name (given, family, formatted),
/// externalId and the enterprise manager; matched on externalId; groups with displayName,
/// externalId and members.
/// </summary>
public abstract class FinanceWorkflowProvisioningTests(ScimHostFactory host)
{
    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task FullCycle_ProvisionsApproversManagerAndApprovalGroups(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("finance");
        var azure = new AzureAdRequests(dialect);
        const string ControllerFilter = "externalId eq \"fin-ctl-01\"";
        const string ClerkFilter = "externalId eq \"fin-clk-02\"";

        await tenant.TestConnectionAsync();
        await tenant.AssertNoMatchAsync("Users", ControllerFilter);
        var controller = await tenant.CreateAsync("Users", UserBody("fin-ctl-01", "karin.ek@contoso.example", "Karin", "Ek"));
        await tenant.AssertNoMatchAsync("Users", ClerkFilter);
        var clerk = await tenant.CreateAsync("Users", UserBody("fin-clk-02", "olof.nyberg@contoso.example", "Olof", "Nyberg"));
        JsonAssert.Contains($$"""
            {
              "schemas": ["{{Schemas.User}}"],
              "externalId": "fin-clk-02", "userName": "olof.nyberg@contoso.example", "active": true, "displayName": "Olof Nyberg",
              "name": { "givenName": "Olof", "familyName": "Nyberg", "formatted": "Olof Nyberg" },
              "emails": [{ "primary": true, "type": "work", "value": "olof.nyberg@contoso.example" }]
            }
            """, await tenant.GetConsistentlyAsync("Users", clerk, ClerkFilter));

        // The manager reference arrives once the manager exists in the app, in the dialect's own shape.
        var form = dialect == Dialect.Legacy ? ManagerForm.RefArray : ManagerForm.BareId;
        var withManager = await tenant.PatchOkAsync("Users", clerk, azure.SetManager(controller, form), HttpStatusCode.OK);
        Assert.Equal(controller, withManager.Json[Schemas.Enterprise]!["manager"]!["value"]!.GetValue<string>());
        Assert.Contains(Schemas.Enterprise, withManager.Json["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));

        await tenant.PatchOkAsync("Users", clerk, azure.Replace(
            ("displayName", "Olof Nyberg (AP)"),
            ("name.formatted", "Olof Nyberg (AP)"),
            ("name.givenName", "Olle")), HttpStatusCode.OK);
        JsonAssert.Contains($$"""
            {
              "displayName": "Olof Nyberg (AP)",
              "name": { "givenName": "Olle", "familyName": "Nyberg", "formatted": "Olof Nyberg (AP)" },
              "{{Schemas.Enterprise}}": { "manager": { "value": "{{controller}}" } }
            }
            """, await tenant.GetConsistentlyAsync("Users", clerk, ClerkFilter));

        // Approval group: created empty, then filled and trimmed by member PATCHes.
        await tenant.AssertNoMatchAsync("Groups", "displayName eq \"Invoice Approvers\"");
        var group = await tenant.CreateAsync("Groups", $$"""
            {
              "schemas": ["{{Schemas.Group}}", "{{Schemas.AdScimGroup}}"],
              "externalId": "grp-ap-approvers",
              "displayName": "Invoice Approvers",
              "meta": { "resourceType": "Group" },
              "members": []
            }
            """);
        var emptyGroup = await tenant.GetConsistentlyAsync("Groups", group, "externalId eq \"grp-ap-approvers\"");
        Assert.Null(emptyGroup["members"]);
        Assert.False(await tenant.IsMemberAsync(group, clerk));

        await tenant.PatchOkAsync("Groups", group, azure.AddMembers([controller, clerk]), HttpStatusCode.NoContent);
        Assert.Equal([.. new[] { controller, clerk }.Order(StringComparer.Ordinal)], await tenant.MemberIdsAsync(group));
        Assert.True(await tenant.IsMemberAsync(group, clerk));
        await tenant.WaitForGroupsAsync(clerk, group);
        await tenant.WaitForGroupsAsync(controller, group);

        // Adding a member twice is harmless.
        await tenant.PatchOkAsync("Groups", group, azure.AddMembers([clerk]), HttpStatusCode.NoContent);
        Assert.Equal(2, (await tenant.MemberIdsAsync(group)).Count);

        await tenant.PatchOkAsync("Groups", group, azure.RemoveMembers([clerk]), HttpStatusCode.NoContent);
        Assert.Equal([controller], await tenant.MemberIdsAsync(group));
        Assert.False(await tenant.IsMemberAsync(group, clerk));
        Assert.True(await tenant.IsMemberAsync(group, controller));
        await tenant.WaitForGroupsAsync(clerk);

        // Disabled users stay visible; deleting the controller empties the group and the user's groups go with it.
        await tenant.PatchOkAsync("Users", clerk, azure.Disable(), HttpStatusCode.OK);
        var disabled = await tenant.GetConsistentlyAsync("Users", clerk, ClerkFilter);
        Assert.False(disabled["active"]!.GetValue<bool>());
        await tenant.DeleteAndVerifyGoneAsync("Users", controller, ControllerFilter);
        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(group), members => members.Count == 0, "the deleted controller left the group");
        await tenant.DeleteAndVerifyGoneAsync("Groups", group, "externalId eq \"grp-ap-approvers\"");
        await tenant.DeleteAndVerifyGoneAsync("Users", clerk, ClerkFilter);
    }

    private static string UserBody(string externalId, string userName, string given, string family) => $$"""
        {
          "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"],
          "externalId": "{{externalId}}",
          "userName": "{{userName}}",
          "active": true,
          "displayName": "{{given}} {{family}}",
          "emails": [{ "primary": true, "type": "work", "value": "{{userName}}" }],
          "meta": { "resourceType": "User" },
          "name": { "formatted": "{{given}} {{family}}", "familyName": "{{family}}", "givenName": "{{given}}" },
          "roles": [],
          "{{Schemas.Enterprise}}": { "manager": null }
        }
        """;
}

/// <summary>The replay on a host where groups keep their members inline.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class FinanceWorkflowProvisioningWithInlineMembersTests(ScimHostFactory host) : FinanceWorkflowProvisioningTests(host);

/// <summary>The same replay where every group beyond two members keeps them in member buckets.</summary>
[Collection(LargeGroupHostCollection.Name)]
public sealed class FinanceWorkflowProvisioningWithMemberBucketsTests(LargeGroupHostFactory host) : FinanceWorkflowProvisioningTests(host);
