using System.Text.Json.Nodes;

namespace OrleansScim.Host.Tests.Bulk;

/// <summary>Builds RFC 7644 §3.7 BulkRequest bodies.</summary>
public static class BulkRequests
{
    public const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public const string BulkResponse = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    public static string Request(IEnumerable<JsonObject> operations, int? failOnErrors = null)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray(BulkRequest), ["Operations"] = new JsonArray([.. operations]) };
        if (failOnErrors is not null)
        {
            body["failOnErrors"] = failOnErrors;
        }

        return body.ToJsonString();
    }

    public static JsonObject Operation(string method, string path, string? data = null, string? bulkId = null, string? version = null)
    {
        var operation = new JsonObject { ["method"] = method, ["path"] = path };
        if (bulkId is not null)
        {
            operation["bulkId"] = bulkId;
        }

        if (version is not null)
        {
            operation["version"] = version;
        }

        if (data is not null)
        {
            operation["data"] = JsonNode.Parse(data);
        }

        return operation;
    }

    public static JsonObject NewUser(string bulkId, string userName) =>
        Operation("POST", "/Users", $$"""{ "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "{{userName}}" }""", bulkId);
}
