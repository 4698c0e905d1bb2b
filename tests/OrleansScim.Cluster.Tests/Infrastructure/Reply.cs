using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>An HTTP answer from one silo, with the request it answers for assertion messages.</summary>
public sealed class Reply(string request, HttpStatusCode status, string body)
{
    public const string ScimMediaType = "application/scim+json";

    public string Request { get; } = request;

    public HttpStatusCode Status { get; } = status;

    public string Body { get; } = body;

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;

    public long TotalResults => Json["totalResults"]!.GetValue<long>();

    public IReadOnlyList<JsonObject> Resources => Json[nameof(Resources)] is JsonArray resources ? [.. resources.Cast<JsonObject>()] : [];

    public string Id => Json["id"]!.GetValue<string>();

    public override string ToString() => $"{Request} -> {(int)Status} {Status}: {(Body.Length > 2000 ? Body[..2000] + "..." : Body)}";
}

/// <summary>SCIM and admin calls to one silo's front end.</summary>
public static class SiloHttp
{
    public static async Task<Reply> SendAsync(this SiloProcess silo, HttpMethod method, string path, string? bearer, string? json = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, Reply.ScimMediaType);
        }

        return await silo.SendAsync(request, cancellationToken);
    }

    public static async Task<Reply> SendAsync(this SiloProcess silo, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await silo.Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Reply($"{request.Method} {request.RequestUri} (silo {silo.Name})", response.StatusCode, body);
    }

    public static Task<Reply> GetAsync(this SiloProcess silo, Tenant tenant, string path, string? token = null) =>
        silo.SendAsync(HttpMethod.Get, tenant.BasePath + path, token ?? tenant.Token);

    public static Task<Reply> PostAsync(this SiloProcess silo, Tenant tenant, string path, string json) =>
        silo.SendAsync(HttpMethod.Post, tenant.BasePath + path, tenant.Token, json);

    public static Task<Reply> PatchAsync(this SiloProcess silo, Tenant tenant, string path, string json) =>
        silo.SendAsync(HttpMethod.Patch, tenant.BasePath + path, tenant.Token, json);

    public static Task<Reply> DeleteAsync(this SiloProcess silo, Tenant tenant, string path) =>
        silo.SendAsync(HttpMethod.Delete, tenant.BasePath + path, tenant.Token);

    /// <summary>GET with a SCIM filter (URL-encoded here).</summary>
    public static Task<Reply> FilterAsync(this SiloProcess silo, Tenant tenant, string endpoint, string filter, string? token = null) =>
        silo.GetAsync(tenant, $"/{endpoint}?filter={Uri.EscapeDataString(filter)}", token);
}

/// <summary>A tenant as the admin API created it: its id and a token.</summary>
public sealed record Tenant(string TenantId, string Token, string TokenId)
{
    public string BasePath => $"/tenants/{TenantId}/scim/v2";

    public Tenant WithToken(string token, string tokenId) => this with { Token = token, TokenId = tokenId };
}

/// <summary>Request bodies.</summary>
public static class Scim
{
    public static string User(string userName, string? title = null) => new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
        ["userName"] = userName,
        ["active"] = true,
        ["name"] = new JsonObject { ["givenName"] = "Given", ["familyName"] = "Family" },
        ["emails"] = new JsonArray(new JsonObject { ["type"] = "work", ["value"] = userName, ["primary"] = true }),
        ["title"] = title,
    }.ToJsonString();

    public static string Group(string displayName, params IEnumerable<string> memberIds) => new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
        ["displayName"] = displayName,
        ["members"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["value"] = id })]),
    }.ToJsonString();

    public static string Replace(string path, JsonNode value) => PatchOp(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = value });

    public static string AddMembers(params IEnumerable<string> memberIds) => PatchOp(new JsonObject
    {
        ["op"] = "add",
        ["path"] = "members",
        ["value"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["value"] = id })]),
    });

    public static string RemoveMember(string memberId) => PatchOp(new JsonObject { ["op"] = "remove", ["path"] = $"members[value eq \"{memberId}\"]" });

    public static IReadOnlyList<string> MemberIds(JsonObject group) =>
        group["members"] is JsonArray members ? [.. members.Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)] : [];

    private static string PatchOp(JsonObject operation) => new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(operation),
    }.ToJsonString();
}
