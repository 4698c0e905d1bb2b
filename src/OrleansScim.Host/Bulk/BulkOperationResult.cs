using System.Globalization;
using System.Text.Json.Nodes;
using OrleansScim.Host.Endpoints;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Host.Bulk;

/// <summary>One entry of a BulkResponse (RFC 7644 §3.7): what happened to one operation.</summary>
public sealed record BulkOperationResult(string? Method, string? BulkId, string? Version, string? Location, int Status, JsonNode? Response)
{
    public bool IsError => Status >= 400;

    /// <summary>The grain's answer: its status, ETag, location and body (the resource, or the SCIM error).</summary>
    public static BulkOperationResult From(BulkOperation operation, ScimResponse response, string? location)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var body = response.Body is { Length: > 0 } bytes ? JsonNode.Parse(bytes) : null;
        return new BulkOperationResult(operation.Method, operation.BulkId, response.ETag, response.IsSuccess ? location : null, response.Status, body);
    }

    public static BulkOperationResult Failed(BulkOperation operation, ScimException error)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(error);
        return new BulkOperationResult(operation.Method, operation.BulkId, null, null, error.Status, ScimError.ToJson(error));
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Method is not null)
        {
            json["method"] = Method;
        }

        if (BulkId is not null)
        {
            json["bulkId"] = BulkId;
        }

        if (Version is not null)
        {
            json["version"] = Version;
        }

        if (Location is not null)
        {
            json["location"] = Location;
        }

        // RFC 7644 §3.7.3 writes the status as a string, as in error bodies.
        json["status"] = Status.ToString(CultureInfo.InvariantCulture);
        if (Response is not null)
        {
            json["response"] = Response;
        }

        return json;
    }

    /// <summary>The BulkResponse body.</summary>
    public static JsonObject BuildResponse(IEnumerable<BulkOperationResult> results) => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.BulkResponse),
        ["Operations"] = new JsonArray([.. results.Select(r => (JsonNode)r.ToJson())]),
    };
}
