using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Listing;

/// <summary>RFC 7644 §3.4.2 ListResponse, with draft-ietf-scim-cursor-pagination's nextCursor when paging by cursor.</summary>
public static class ListResponse
{
    public static JsonObject Build(long totalResults, int startIndex, IReadOnlyList<JsonNode> resources, string? nextCursor = null, bool includeStartIndex = true)
    {
        var response = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.ListResponse),
            ["totalResults"] = totalResults,
            ["itemsPerPage"] = resources.Count,
        };
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
