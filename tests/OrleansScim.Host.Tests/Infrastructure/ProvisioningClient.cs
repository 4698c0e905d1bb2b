using System.Net;
using System.Text.Json.Nodes;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>The reads a provisioning client makes between its writes, each asserting the SCIM contract.</summary>
public static class ProvisioningClient
{
    /// <summary>Azure AD's "Test connection": a userName filter on a random GUID must give 200 and an empty ListResponse.</summary>
    public static async Task TestConnectionAsync(this TenantClient tenant)
    {
        var reply = (await tenant.FilterAsync("Users", $"userName eq \"{Guid.NewGuid()}\"")).AssertListResponse();
        Assert.Equal(0, reply.TotalResults);
        Assert.Empty(reply.Resources);
    }

    /// <summary>GET by id; asserts 200, the SCIM media type and a matching ETag header.</summary>
    public static async Task<JsonObject> GetResourceAsync(this TenantClient tenant, string endpoint, string id, string? query = null)
    {
        var reply = (await tenant.GetAsync($"/{endpoint}/{id}{(query is null ? "" : "?" + query)}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(TenantClient.ScimMediaType, reply.ContentType);
        var json = reply.Json;
        if (json["meta"]?["version"] is JsonValue version)
        {
            Assert.Equal(version.GetValue<string>(), reply.Response.Headers.ETag?.ToString());
        }

        return json;
    }

    /// <summary>A filter that must find exactly one resource; returns it.</summary>
    public static async Task<JsonObject> FindOneAsync(this TenantClient tenant, string endpoint, string filter, string? extraQuery = null)
    {
        var reply = (await tenant.FilterAsync(endpoint, filter, extraQuery)).AssertListResponse();
        Assert.True(reply.TotalResults == 1, $"Expected one match for {filter}: {reply.Body}");
        return Assert.Single(reply.Resources);
    }

    /// <summary>A filter that must find nothing.</summary>
    public static async Task AssertNoMatchAsync(this TenantClient tenant, string endpoint, string filter)
    {
        var reply = (await tenant.FilterAsync(endpoint, filter)).AssertListResponse();
        Assert.True(reply.TotalResults == 0, $"Expected no match for {filter}: {reply.Body}");
        Assert.Empty(reply.Resources);
    }

    /// <summary>Asserts GET by id and the filter return the same representation, and returns it.</summary>
    public static async Task<JsonObject> GetConsistentlyAsync(this TenantClient tenant, string endpoint, string id, string filter)
    {
        var byId = await tenant.GetResourceAsync(endpoint, id);
        var byFilter = await tenant.FindOneAsync(endpoint, filter);
        JsonAssert.Equal(byId, byFilter);
        return byId;
    }

    /// <summary>PATCH that must succeed; returns the reply (200 with the resource or 204).</summary>
    public static async Task<ScimReply> PatchOkAsync(this TenantClient tenant, string endpoint, string id, string patchOp, HttpStatusCode expected)
    {
        var reply = await tenant.PatchAsync($"/{endpoint}/{id}", patchOp);
        return reply.AssertStatus(expected);
    }

    /// <summary>The ids in a user's readOnly "groups" attribute.</summary>
    public static async Task<IReadOnlyList<string>> GroupIdsOfAsync(this TenantClient tenant, string userId)
    {
        var user = await tenant.GetResourceAsync("Users", userId);
        return user["groups"] is JsonArray groups ? [.. groups.Select(g => g!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>Waits until the user's "groups" are exactly <paramref name="expected"/> (group notices may trail a PATCH by milliseconds).</summary>
    public static Task<IReadOnlyList<string>> WaitForGroupsAsync(this TenantClient tenant, string userId, params string[] expected) =>
        Eventually.UntilAsync(
            () => tenant.GroupIdsOfAsync(userId),
            groups => groups.SequenceEqual(expected.Order(StringComparer.Ordinal)),
            $"user {userId} is in groups [{string.Join(", ", expected)}]");

    /// <summary>The member ids of a group, sorted.</summary>
    public static async Task<IReadOnlyList<string>> MemberIdsAsync(this TenantClient tenant, string groupId)
    {
        var group = await tenant.GetResourceAsync("Groups", groupId);
        return group["members"] is JsonArray members ? [.. members.Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>
    /// Azure AD's membership check, in both forms it uses: <c>excludedAttributes=members</c> and
    /// <c>attributes=id</c>. Returns whether the user is a member; asserts members never appear.
    /// </summary>
    public static async Task<bool> IsMemberAsync(this TenantClient tenant, string groupId, string userId)
    {
        var filter = $"id eq \"{groupId}\" and members eq \"{userId}\"";
        var excluded = (await tenant.FilterAsync("Groups", filter, "excludedAttributes=members")).AssertListResponse();
        var onlyId = (await tenant.FilterAsync("Groups", filter, "attributes=id")).AssertListResponse();
        Assert.Equal(excluded.TotalResults, onlyId.TotalResults);
        foreach (var group in excluded.Resources.Concat(onlyId.Resources))
        {
            Assert.Equal(groupId, group["id"]!.GetValue<string>());
            Assert.Null(group["members"]);
        }

        if (onlyId.Resources.Count == 1)
        {
            Assert.Null(onlyId.Resources[0]["displayName"]);
        }

        return excluded.TotalResults == 1;
    }

    /// <summary>DELETE must answer 204, then GET 404 and the filter nothing.</summary>
    public static async Task DeleteAndVerifyGoneAsync(this TenantClient tenant, string endpoint, string id, string filter)
    {
        (await tenant.DeleteAsync($"/{endpoint}/{id}")).AssertStatus(HttpStatusCode.NoContent);
        (await tenant.GetAsync($"/{endpoint}/{id}")).AssertScimError(HttpStatusCode.NotFound, null);
        await tenant.AssertNoMatchAsync(endpoint, filter);
        await tenant.AssertNoMatchAsync(endpoint, $"id eq \"{id}\"");
    }
}
