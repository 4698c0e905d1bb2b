using System.Text.Json.Nodes;
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
}
