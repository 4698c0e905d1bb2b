using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Discovery;

/// <summary>RFC 7643 §5 ServiceProviderConfig, plus the draft-ietf-scim-cursor-pagination "pagination" block.</summary>
public static class ServiceProviderConfigDocument
{
    public static JsonObject Build(ServiceCapabilities capabilities, string baseUrl)
    {
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.ServiceProviderConfig),
            ["patch"] = new JsonObject { ["supported"] = capabilities.Patch },
            ["bulk"] = new JsonObject
            {
                ["supported"] = capabilities.Bulk,
                ["maxOperations"] = capabilities.BulkMaxOperations,
                ["maxPayloadSize"] = capabilities.BulkMaxPayloadSize,
            },
            ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = capabilities.FilterMaxResults },
            ["changePassword"] = new JsonObject { ["supported"] = capabilities.ChangePassword },
            ["sort"] = new JsonObject { ["supported"] = capabilities.Sort },
            ["etag"] = new JsonObject { ["supported"] = capabilities.ETag },
            ["pagination"] = new JsonObject
            {
                ["cursor"] = capabilities.CursorPagination,
                ["index"] = true,
                ["defaultPaginationMethod"] = "index",
                ["defaultPageSize"] = capabilities.DefaultPageSize,
                ["maxPageSize"] = capabilities.MaxPageSize,
                ["cursorTimeout"] = capabilities.CursorTimeoutSeconds,
            },
            ["authenticationSchemes"] = new JsonArray(new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "OAuth Bearer Token",
                ["description"] = "A per-tenant secret token sent as 'Authorization: Bearer <token>' (RFC 6750).",
                ["primary"] = true,
            }),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "ServiceProviderConfig",
                ["location"] = baseUrl + "/ServiceProviderConfig",
            },
        };
        if (capabilities.DocumentationUri is not null)
        {
            document["documentationUri"] = capabilities.DocumentationUri;
        }

        return document;
    }
}
