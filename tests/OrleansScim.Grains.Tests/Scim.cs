using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Listing;

namespace OrleansScim.Grains.Tests;

/// <summary>Shorthand for driving resource grains the way the front end does.</summary>
public sealed class Scim(IGrainFactory grains, string tenantKey)
{
    public const string BaseUrl = "https://scim.test/scim/v2";

    public string TenantKey => tenantKey;

    public static Scim ForNewTenant(IGrainFactory grains) =>
        new(grains, GrainKeys.TenantKey("t" + Guid.NewGuid().ToString("N")[..10], "inc1"));

    /// <summary>A real tenant whose input policy is strict (RFC-exact refusals).</summary>
    public static async Task<Scim> ForNewStrictTenantAsync(IGrainFactory grains)
    {
        var tenant = grains.GetGrain<ITenantGrain>("t" + Guid.NewGuid().ToString("N")[..10]);
        var created = (await tenant.CreateAsync())!;
        await tenant.ChangeSettingsAsync(new TenantSettingsChange(StrictInput: true));
        return new(grains, created.TenantKey);
    }

    public IUserGrain User(string id) => grains.GetGrain<IUserGrain>(GrainKeys.Resource(tenantKey, id));

    public IGroupGrain Group(string id) => grains.GetGrain<IGroupGrain>(GrainKeys.Resource(tenantKey, id));

    public static ResourceRequest Request(string? body = null, string? ifMatch = null) => new() { BaseUrl = BaseUrl, Body = body, IfMatch = ifMatch };

    public async Task<string> CreateUserAsync(string userName, string extra = "")
    {
        var id = Guid.NewGuid().ToString("D");
        var response = await User(id).CreateAsync(Request($$"""{"userName":"{{userName}}"{{extra}}}"""));
        Assert.True(response.Outcome == ResourceOutcome.Created, Body(response));
        return id;
    }

    public async Task<string> CreateGroupAsync(string displayName, params string[] members)
    {
        var id = Guid.NewGuid().ToString("D");
        var memberJson = string.Join(',', members.Select(m => $$"""{"value":"{{m}}"}"""));
        var response = await Group(id).CreateAsync(Request($$"""{"displayName":"{{displayName}}","members":[{{memberJson}}]}"""));
        Assert.True(response.Outcome == ResourceOutcome.Created, Body(response));
        return id;
    }

    public async Task<JsonObject> ListAsync(string resourceType, string? filter = null, int? startIndex = null, int? count = null)
    {
        var response = await grains.GetGrain<IDirectoryQueryGrain>(0).ListAsync(tenantKey, resourceType,
            new ListRequest { BaseUrl = BaseUrl, Filter = filter, StartIndex = startIndex, Count = count });
        Assert.True(response.Problem is null, response.Problem?.Detail);
        return Json(response);
    }

    /// <summary>The representation a resource grain answered with.</summary>
    public static JsonObject Json(ResourceResult result) => (JsonObject)JsonNode.Parse(result.Document!)!;

    /// <summary>The ListResponse the front end writes around a page.</summary>
    public static JsonObject Json(ListResult page) => (JsonObject)JsonNode.Parse(
        ListResponse.Serialize(page.TotalResults, page.StartIndex, page.Resources, page.NextCursor, page.IncludeStartIndex))!;

    /// <summary>An answer for an assertion message: its outcome and its problem or representation.</summary>
    public static string Body(ResourceResult result) =>
        $"{result.Outcome}: {result.Problem?.Detail ?? (result.Document is null ? "" : System.Text.Encoding.UTF8.GetString(result.Document))}";
}
