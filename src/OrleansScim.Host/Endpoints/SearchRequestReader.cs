using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Host.Endpoints;

/// <summary>Reads a POST .search body (RFC 7644 §3.4.3) into a list request.</summary>
public static class SearchRequestReader
{
    public static ListRequest Read(string body, string baseUrl)
    {
        var json = ScimJson.ParseObject(body);
        if (json.GetIgnoreCase("schemas") is not JsonArray schemas
            || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var uri) && string.Equals(uri, SchemaUris.SearchRequest, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidSyntax($"A search request must list the schema '{SchemaUris.SearchRequest}'.");
        }

        return new ListRequest
        {
            BaseUrl = baseUrl,
            Filter = String(json, "filter"),
            StartIndex = Integer(json, "startIndex"),
            Count = Integer(json, "count"),
            Cursor = String(json, "cursor"),
            SortBy = String(json, "sortBy"),
            SortOrder = String(json, "sortOrder"),
            Attributes = List(json, "attributes"),
            ExcludedAttributes = List(json, "excludedAttributes"),
        };
    }

    private static string? String(JsonObject json, string name) => json.GetIgnoreCase(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw ScimException.InvalidValue($"'{name}' must be a string."),
    };

    private static int? Integer(JsonObject json, string name) => json.GetIgnoreCase(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        _ => throw ScimException.InvalidValue($"'{name}' must be an integer."),
    };

    /// <summary>attributes/excludedAttributes are arrays of strings in a search body (§3.4.3); a comma list is accepted too.</summary>
    private static string? List(JsonObject json, string name) => json.GetIgnoreCase(name) switch
    {
        null => null,
        JsonArray array => string.Join(',', array.Select(item =>
            item is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw ScimException.InvalidValue($"'{name}' must be an array of strings."))),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw ScimException.InvalidValue($"'{name}' must be an array of strings."),
    };
}
