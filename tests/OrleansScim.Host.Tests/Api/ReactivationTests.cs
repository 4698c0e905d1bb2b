using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>
/// Everything a tenant wrote reads back the same after every grain was deactivated and reactivated
/// from grain storage (the in-memory provider keeps state across activations).
/// </summary>
[Collection(ReactivationScimHostCollection.Name)]
public sealed class ReactivationTests(ReactivationScimHostFactory host)
{
    [Fact]
    public async Task AfterDeactivation_ResourcesLookupsMembershipAndUniquenessAreIntact()
    {
        var tenant = await host.CreateTenantAsync("reactivate");
        var ids = await CreateUsersAsync(tenant, 5);
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Survivors", "members": [{ "value": "{{ids[0]}}" }, { "value": "{{ids[4]}}" }] }""");
        await tenant.WaitForGroupsAsync(ids[4], group);
        var before = new List<JsonObject>();
        foreach (var id in ids)
        {
            before.Add(await tenant.GetResourceAsync("Users", id));
        }

        var groupBefore = await tenant.GetResourceAsync("Groups", group);

        await host.DeactivateAllGrainsAsync();

        var list = (await tenant.GetAsync("/Users")).AssertListResponse();
        Assert.Equal(ids, list.Resources.Select(r => r["id"]!.GetValue<string>()));
        for (var i = 0; i < ids.Count; i++)
        {
            JsonAssert.Equal(before[i], await tenant.GetResourceAsync("Users", ids[i]));
            JsonAssert.Equal(before[i], await tenant.FindOneAsync("Users", $"userName eq \"USER{i}\""));
            JsonAssert.Equal(before[i], await tenant.FindOneAsync("Users", $"emails[type eq \"work\"].value eq \"user{i}@example.com\""));
        }

        JsonAssert.Equal(groupBefore, await tenant.GetResourceAsync("Groups", group));
        Assert.True(await tenant.IsMemberAsync(group, ids[4]));
        (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "User3" }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
        (await tenant.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "survivors" }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task AfterDeactivation_CountsAreRightBeforeAnyListing()
    {
        var tenant = await host.CreateTenantAsync("reactivate");
        await CreateUsersAsync(tenant, 3);
        await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Counted" }""");

        await host.DeactivateAllGrainsAsync();

        using var admin = host.CreateAdminClient();
        var info = (await admin.GetFromJsonAsync<JsonObject>($"/admin/tenants/{tenant.TenantId}"))!;
        Assert.Equal(3, info["userCount"]!.GetValue<long>());
        Assert.Equal(1, info["groupCount"]!.GetValue<long>());
        Assert.Equal(3, (await tenant.GetAsync("/Users?count=0")).AssertListResponse().TotalResults);
        Assert.Equal(3, (await tenant.GetAsync("/Users")).AssertListResponse().Resources.Count);
    }

    [Fact]
    public async Task AfterDeactivation_TheTenantsFirstUserIsListedWithItsChanges()
    {
        var tenant = await host.CreateTenantAsync("reactivate");
        var ids = await CreateUsersAsync(tenant, 3);

        await host.DeactivateAllGrainsAsync();
        await tenant.PatchOkAsync("Users", ids[0], new AzureAdRequests(Dialect.Legacy).Replace(("title", "Changed")), HttpStatusCode.OK);

        var byFilter = await tenant.FindOneAsync("Users", "title eq \"Changed\"");
        var list = (await tenant.GetAsync("/Users")).AssertListResponse();
        Assert.Equal(ids[0], byFilter["id"]!.GetValue<string>());
        Assert.Equal(3, list.TotalResults);
        Assert.Equal(ids, list.Resources.Select(r => r["id"]!.GetValue<string>()));
        JsonAssert.Equal(await tenant.GetResourceAsync("Users", ids[0]), list.Resources[0]);
    }

    [Fact]
    public async Task AfterDeactivation_TheTenantsFirstUserIsGoneFromListsWhenDeleted()
    {
        var tenant = await host.CreateTenantAsync("reactivate");
        var ids = await CreateUsersAsync(tenant, 3);

        await host.DeactivateAllGrainsAsync();
        await tenant.DeleteAndVerifyGoneAsync("Users", ids[0], "userName eq \"user0\"");

        var list = (await tenant.GetAsync("/Users")).AssertListResponse();
        Assert.Equal(ids.Skip(1), list.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal(2, list.TotalResults);
        var scanned = (await tenant.FilterAsync("Users", "title eq \"Created\"")).AssertListResponse();
        Assert.Equal(ids.Skip(1), scanned.Resources.Select(r => r["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AfterDeactivation_MembershipChangesAndDeletesStillWork()
    {
        var tenant = await host.CreateTenantAsync("reactivate");
        var ids = await CreateUsersAsync(tenant, 2);
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Changing", "members": [{ "value": "{{ids[0]}}" }] }""");

        await host.DeactivateAllGrainsAsync();

        await tenant.PatchOkAsync("Groups", group, new AzureAdRequests(Dialect.Legacy).AddMembers([ids[1]]), HttpStatusCode.NoContent);
        await tenant.WaitForGroupsAsync(ids[1], group);
        await tenant.DeleteAndVerifyGoneAsync("Users", ids[0], "userName eq \"user0\"");
        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(group), m => m.SequenceEqual([ids[1]]), "the deleted user left the group");
        Assert.Equal(group, (await tenant.FindOneAsync("Groups", $"members eq \"{ids[1]}\""))["id"]!.GetValue<string>());
    }

    private static async Task<List<string>> CreateUsersAsync(TenantClient tenant, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await tenant.CreateAsync("Users", $$"""
                { "schemas": ["{{Schemas.User}}"], "userName": "user{{i}}", "title": "Created", "emails": [{ "type": "work", "value": "user{{i}}@example.com" }] }
                """));
        }

        return ids;
    }
}
