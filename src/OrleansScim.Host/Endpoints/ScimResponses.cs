using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Host.Endpoints;

/// <summary>Builds <see cref="ScimResponse"/>s; every SCIM error body is made here.</summary>
public static class ScimResponses
{
    public static ScimResponse Error(ScimException exception) => Error(exception.Status, exception.ScimType, exception.Detail);

    public static ScimResponse Error(int status, string? scimType, string detail) => new()
    {
        Status = status,
        Body = ScimJson.SerializeToUtf8(ScimError.ToJson(status, scimType, detail)),
    };

    public static ScimResponse NotFound(string resourceType, string id) =>
        Error(404, null, $"{resourceType} '{id}' not found.");

    public static ScimResponse Json(int status, JsonNode body, string? etag = null, string? location = null) => new()
    {
        Status = status,
        Body = ScimJson.SerializeToUtf8(body),
        ETag = etag,
        Location = location,
    };

    public static ScimResponse Bytes(int status, byte[] body, string? etag = null, string? location = null) => new()
    {
        Status = status,
        Body = body,
        ETag = etag,
        Location = location,
    };

    public static ScimResponse NoContent(string? etag = null) => new() { Status = 204, ETag = etag };

    public static ScimResponse NotModified(string etag) => new() { Status = 304, ETag = etag };
}
