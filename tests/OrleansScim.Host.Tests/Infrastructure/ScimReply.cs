using System.Net;
using System.Text.Json.Nodes;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>An HTTP reply with its body parsed as JSON when there is one.</summary>
public sealed class ScimReply
{
    private ScimReply(HttpResponseMessage response, string body)
    {
        Response = response;
        Body = body;
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public string Body { get; }

    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;

    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

    /// <summary>The "Resources" of a ListResponse (empty when absent, as RFC 7644 allows for zero results).</summary>
    public IReadOnlyList<JsonObject> Resources => Json[nameof(Resources)] is JsonArray resources ? [.. resources.Cast<JsonObject>()] : [];

    public long TotalResults => Json["totalResults"]!.GetValue<long>();

    /// <summary>Asserts a 200 ListResponse (media type and schema) and returns it.</summary>
    public ScimReply AssertListResponse()
    {
        AssertStatus(HttpStatusCode.OK);
        Assert.Equal(TenantClient.ScimMediaType, ContentType);
        Assert.Equal(Schemas.ListResponse, Json["schemas"]![0]!.GetValue<string>());
        return this;
    }

    public static async Task<ScimReply> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (client)
        {
            var response = await client.SendAsync(request);
            return new ScimReply(response, await response.Content.ReadAsStringAsync());
        }
    }

    public ScimReply AssertStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected} {expected} but got {(int)Status} {Status}: {Body}");
        return this;
    }

    /// <summary>Asserts a SCIM error body (RFC 7644 §3.12) with the given status and scimType.</summary>
    public ScimReply AssertScimError(HttpStatusCode status, string? scimType)
    {
        AssertStatus(status);
        Assert.Equal(TenantClient.ScimMediaType, ContentType);
        var json = Json;
        Assert.Equal(Schemas.Error, json["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), json["status"]!.GetValue<string>());
        Assert.Equal(scimType, json["scimType"]?.GetValue<string>());
        return this;
    }
}
