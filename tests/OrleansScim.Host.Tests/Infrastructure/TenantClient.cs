using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>A provisioning client of one tenant: sends SCIM requests to the tenant's base URL with its token.</summary>
public sealed class TenantClient(ScimHostFactory factory, string tenantId, string baseUrl, string token, string tokenId)
{
    public const string ScimMediaType = "application/scim+json";

    public string TenantId => tenantId;

    public string BaseUrl => baseUrl;

    public string Token => token;

    public string TokenId => tokenId;

    /// <summary>Sends a request; <paramref name="path"/> is relative to the base URL unless it starts with "http".</summary>
    public Task<ScimReply> SendAsync(HttpMethod method, string path, string? json = null, string? token = null, Action<HttpRequestMessage>? configure = null, string? absoluteBase = null)
    {
        var url = path.StartsWith("http", StringComparison.Ordinal) ? path : (absoluteBase ?? baseUrl) + path;
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? this.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, ScimMediaType);
        }

        configure?.Invoke(request);
        return ScimReply.SendAsync(factory.CreateClient(), request);
    }

    public Task<ScimReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ScimReply> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ScimReply> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public Task<ScimReply> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public Task<ScimReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Changes this tenant's settings through the admin API (e.g. <c>{"inputPolicy":"strict"}</c>).</summary>
    public async Task SetSettingsAsync(string json)
    {
        using var admin = factory.CreateAdminClient();
        using var response = await admin.PutAsync($"/admin/tenants/{tenantId}/settings", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"settings {json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Creates a resource and returns its id, failing the test unless the service answers 201.</summary>
    public async Task<string> CreateAsync(string endpoint, string json)
    {
        var reply = await PostAsync("/" + endpoint, json);
        reply.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(ScimMediaType, reply.ContentType);
        Assert.Equal(reply.Json["meta"]!["location"]!.GetValue<string>(), reply.Response.Headers.Location?.ToString());
        return reply.Json["id"]!.GetValue<string>();
    }

    /// <summary>GET with a filter (URL-encoded here) and optional extra query text.</summary>
    public Task<ScimReply> FilterAsync(string endpoint, string filter, string? extraQuery = null) =>
        GetAsync($"/{endpoint}?filter={Uri.EscapeDataString(filter)}{(extraQuery is null ? "" : "&" + extraQuery)}");
}
