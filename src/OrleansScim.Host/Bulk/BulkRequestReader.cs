using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Host.Bulk;

/// <summary>
/// Reads a BulkRequest body (RFC 7644 §3.7). Problems with the request as a whole (not JSON, wrong
/// schema, no Operations array, too many operations, a bad failOnErrors) are thrown; problems of one
/// operation (an unpaired surrogate or a key repeated in another case in it included) are kept on that
/// operation, so only it fails.
/// </summary>
public static class BulkRequestReader
{
    private static readonly string[] Methods = [BulkOperation.Post, BulkOperation.Put, BulkOperation.Patch, BulkOperation.Delete];

    public static BulkRequest Read(string body, int maxOperations)
    {
        // The operations are checked one by one (a bad one fails alone); everything else belongs to the whole request.
        var json = ScimJson.ParseObject(body, checkNested: false);
        foreach (var (name, value) in json)
        {
            if (!string.Equals(name, "Operations", StringComparison.OrdinalIgnoreCase))
            {
                ScimJson.EnsureWellFormed(value);
            }
        }

        if (json.GetIgnoreCase("schemas") is not JsonArray schemas
            || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var uri) && string.Equals(uri, SchemaUris.BulkRequest, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidSyntax($"A bulk request must list the schema '{SchemaUris.BulkRequest}'.");
        }

        if (json.GetIgnoreCase("Operations") is not JsonArray operations)
        {
            throw ScimException.InvalidSyntax("A bulk request needs an 'Operations' array.");
        }

        if (operations.Count > maxOperations)
        {
            // RFC 7644 §3.7.4: exceeding maxOperations is 413 Payload Too Large.
            throw new ScimException(413, ScimErrorType.TooMany, $"The bulk request has {operations.Count} operations; the maximum is {maxOperations} (maxOperations).");
        }

        var failOnErrors = json.GetIgnoreCase("failOnErrors") switch
        {
            null => (int?)null,
            JsonValue value when value.TryGetValue<int>(out var limit) && limit >= 1 => limit,
            _ => throw ScimException.InvalidValue("'failOnErrors' must be an integer of at least 1."),
        };

        return new BulkRequest(failOnErrors, [.. operations.Select(ReadOperation)]);
    }

    private static BulkOperation ReadOperation(JsonNode? node)
    {
        if (node is not JsonObject json)
        {
            return new BulkOperation { Invalid = ScimException.InvalidSyntax("Each bulk operation must be a JSON object.") };
        }

        try
        {
            ScimJson.EnsureWellFormed(json);
        }
        catch (ScimException e)
        {
            return new BulkOperation { Invalid = e };
        }

        var method = Text(json, "method", out var methodError);
        var canonical = Methods.FirstOrDefault(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));
        var operation = new BulkOperation
        {
            Method = canonical ?? method,
            BulkId = Text(json, "bulkId", out var bulkIdError),
            Version = Text(json, "version", out var versionError),
            Path = Text(json, "path", out var pathError),
            Data = json.GetIgnoreCase("data") as JsonObject,
        };
        var problem = methodError ?? bulkIdError ?? versionError ?? pathError;
        if (problem is null && canonical is null)
        {
            problem = ScimException.InvalidValue($"'method' must be one of {string.Join(", ", Methods)}.");
        }

        problem ??= operation switch
        {
            { Path: null } => ScimException.InvalidSyntax("A bulk operation needs a 'path'."),
            { Method: BulkOperation.Post, BulkId: null or "" } => ScimException.InvalidSyntax("A POST operation needs a 'bulkId' (RFC 7644 §3.7)."),
            { Method: not BulkOperation.Delete, Data: null } => ScimException.InvalidSyntax($"A {operation.Method} operation needs a 'data' object."),
            _ => null,
        };
        return operation with { Invalid = problem };
    }

    private static string? Text(JsonObject json, string name, out ScimException? error)
    {
        error = null;
        switch (json.GetIgnoreCase(name))
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            default:
                error = ScimException.InvalidSyntax($"'{name}' of a bulk operation must be a string.");
                return null;
        }
    }
}
