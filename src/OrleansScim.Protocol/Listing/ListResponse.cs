using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Listing;

/// <summary>RFC 7644 §3.4.2 ListResponse, with draft-ietf-scim-cursor-pagination's nextCursor when paging by cursor.</summary>
public static class ListResponse
{
    public static JsonObject Build(long totalResults, int startIndex, IReadOnlyList<JsonNode> resources, string? nextCursor = null, bool includeStartIndex = true) =>
        Build((long?)totalResults, startIndex, resources, nextCursor, includeStartIndex);

    /// <summary>Cursor pages (RFC 9865) carry no startIndex, and no totalResults when counting would cost a full scan.</summary>
    public static JsonObject Build(long? totalResults, int startIndex, IReadOnlyList<JsonNode> resources, string? nextCursor, bool includeStartIndex)
    {
        var response = new JsonObject { ["schemas"] = new JsonArray(SchemaUris.ListResponse) };
        if (totalResults is not null)
        {
            response["totalResults"] = totalResults.Value;
        }

        response["itemsPerPage"] = resources.Count;
        if (includeStartIndex)
        {
            response["startIndex"] = startIndex;
        }

        if (nextCursor is not null)
        {
            response["nextCursor"] = nextCursor;
        }

        response["Resources"] = new JsonArray(resources.ToArray());
        return response;
    }

    /// <summary>
    /// The same document as <see cref="Build(long?, int, IReadOnlyList{JsonNode}, string?, bool)"/>, around
    /// resources that are already UTF-8 JSON: they are copied as they are, never parsed again.
    /// </summary>
    public static byte[] Serialize(long? totalResults, int startIndex, IReadOnlyList<byte[]> resources, string? nextCursor, bool includeStartIndex) =>
        ScimJson.WriteToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("schemas");
            writer.WriteStringValue(SchemaUris.ListResponse);
            writer.WriteEndArray();
            if (totalResults is not null)
            {
                writer.WriteNumber("totalResults", totalResults.Value);
            }

            writer.WriteNumber("itemsPerPage", resources.Count);
            if (includeStartIndex)
            {
                writer.WriteNumber("startIndex", startIndex);
            }

            if (nextCursor is not null)
            {
                writer.WriteString("nextCursor", nextCursor);
            }

            writer.WriteStartArray("Resources");
            foreach (var resource in resources)
            {
                writer.WriteRawValue(resource, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
