using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>Reads a PatchOp message (RFC 7644 §3.5.2) into operations, validating its shape.</summary>
public static class PatchRequestParser
{
    /// <summary>Upper bound on operations per request; a member PATCH may carry many, but not unboundedly many.</summary>
    public const int MaxOperations = 1000;

    public static IReadOnlyList<PatchOperation> Parse(JsonObject body)
    {
        if (body.GetIgnoreCase("schemas") is not JsonArray schemas
            || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var uri) && string.Equals(uri, SchemaUris.PatchOp, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidSyntax($"A PATCH body must list the schema '{SchemaUris.PatchOp}'.");
        }

        if (body.GetIgnoreCase("Operations") is not JsonArray operations || operations.Count == 0)
        {
            throw ScimException.InvalidSyntax("A PATCH body must carry a non-empty 'Operations' array.");
        }

        if (operations.Count > MaxOperations)
        {
            throw ScimException.InvalidValue($"A PATCH request may carry at most {MaxOperations} operations.");
        }

        var result = new List<PatchOperation>(operations.Count);
        foreach (var node in operations)
        {
            result.Add(ParseOperation(node));
        }

        return result;
    }

    private static PatchOperation ParseOperation(JsonNode? node)
    {
        if (node is not JsonObject operation)
        {
            throw ScimException.InvalidSyntax("Each PATCH operation must be a JSON object.");
        }

        if (operation.GetIgnoreCase("op") is not JsonValue opValue || !opValue.TryGetValue<string>(out var opText))
        {
            throw ScimException.InvalidSyntax("Each PATCH operation needs an 'op' of add, replace or remove.");
        }

        var op = opText.Trim().ToUpperInvariant() switch
        {
            "ADD" => PatchOperationType.Add,
            "REPLACE" => PatchOperationType.Replace,
            "REMOVE" => PatchOperationType.Remove,
            _ => throw ScimException.InvalidSyntax($"Unknown PATCH op '{opText}'; expected add, replace or remove."),
        };

        string? path = null;
        switch (operation.GetIgnoreCase("path"))
        {
            case null:
                break;
            case JsonValue pathValue when pathValue.TryGetValue<string>(out var pathText):
                path = string.IsNullOrWhiteSpace(pathText) ? null : pathText.Trim();
                break;
            default:
                throw ScimException.InvalidPath("The PATCH 'path' must be a string.");
        }

        var value = operation.GetIgnoreCase("value");
        if (op == PatchOperationType.Remove && path is null)
        {
            throw ScimException.NoTarget("A remove operation needs a 'path' (RFC 7644 §3.5.2.2).");
        }

        if (op != PatchOperationType.Remove && path is null && value is not JsonObject)
        {
            throw ScimException.InvalidValue($"An {opText} operation without 'path' needs an object 'value' of attributes.");
        }

        return new PatchOperation(op, path, value?.DeepClone());
    }
}
