using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>Concurrent writes (Azure AD runs many in parallel) never break uniqueness or lose updates.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class ConcurrencyTests(ScimHostFactory host)
{
    [Fact]
    public async Task ConcurrentCreates_OfOneUserName_CreateExactlyOne()
    {
        var tenant = await host.CreateTenantAsync("race");

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "{{(i % 2 == 0 ? "Racer" : "racer")}}" }""")));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertScimError(HttpStatusCode.Conflict, "uniqueness"));
        Assert.Equal(1, (await tenant.GetAsync("/Users")).AssertListResponse().TotalResults);
        await tenant.FindOneAsync("Users", "userName eq \"RACER\"");
    }

    [Fact]
    public async Task ConcurrentCreates_OfOneGroupName_CreateExactlyOne()
    {
        var tenant = await host.CreateTenantAsync("race");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            tenant.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Racing Team" }""")));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(1, (await tenant.GetAsync("/Groups")).AssertListResponse().TotalResults);
    }

    [Fact]
    public async Task ConcurrentPatches_OfOneUser_LoseNoUpdate()
    {
        var tenant = await host.CreateTenantAsync("race");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "patched" }""");
        string[] attributes = ["displayName", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "name.givenName", "name.familyName", Schemas.Enterprise + ":department"];

        var replies = await Task.WhenAll(attributes.Select(a => tenant.PatchAsync($"/Users/{id}", new AzureAdRequests(Dialect.Legacy).Replace((a, "set-" + a)))));

        Assert.All(replies, r => r.AssertStatus(HttpStatusCode.OK));
        var user = await tenant.GetResourceAsync("Users", id);
        JsonAssert.Contains($$"""
            {
              "displayName": "set-displayName", "nickName": "set-nickName", "title": "set-title", "userType": "set-userType",
              "preferredLanguage": "set-preferredLanguage", "locale": "set-locale", "timezone": "set-timezone",
              "name": { "givenName": "set-name.givenName", "familyName": "set-name.familyName" },
              "{{Schemas.Enterprise}}": { "department": "set-{{Schemas.Enterprise}}:department" }
            }
            """, user);
        Assert.Equal($"W/\"{attributes.Length + 1}\"", user["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingAUserWhileItIsAddedToAGroup_LeavesNoDanglingMember()
    {
        var tenant = await host.CreateTenantAsync("race");
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Crossing" }""");
        var users = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            users.Add(await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "crossing{{i}}" }"""));
        }

        var patches = users.Select(u => tenant.PatchAsync($"/Groups/{group}", new AzureAdRequests(Dialect.Rfc).AddMembers([u])));
        var deletes = users.Where((_, i) => i % 2 == 0).Select(u => tenant.DeleteAsync($"/Users/{u}"));
        await Task.WhenAll(patches.Concat(deletes));

        var survivors = users.Where((_, i) => i % 2 == 1).ToList();
        var members = await Eventually.UntilAsync(
            () => tenant.MemberIdsAsync(group),
            m => m.All(survivors.Contains),
            "no deleted user is a member");
        foreach (var survivor in survivors)
        {
            Assert.Equal(members.Contains(survivor), (await tenant.GroupIdsOfAsync(survivor)).Contains(group));
        }
    }
}
