using System.Text.Json.Nodes;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Discovery;
using OrleansScim.Protocol.Listing;

namespace OrleansScim.Host.Endpoints;

/// <summary>RFC 7644 §4 discovery: /ServiceProviderConfig, /Schemas, /ResourceTypes, for the caller's tenant.</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscovery(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", GetServiceProviderConfig);
        scim.MapGet("/Schemas", ListSchemasAsync);
        scim.MapGet("/Schemas/{id}", GetSchemaAsync);
        scim.MapGet("/ResourceTypes", ListResourceTypesAsync);
        scim.MapGet("/ResourceTypes/{name}", GetResourceTypeAsync);
    }

    private static ScimResult GetServiceProviderConfig(HttpContext context, ServiceCapabilities capabilities) =>
        Json(200, ServiceProviderConfigDocument.Build(capabilities, ScimHttp.BaseUrl(context)));

    private static async Task<ScimResult> ListSchemasAsync(HttpContext context, ITenantSchemaCatalog catalog)
    {
        var schemas = await catalog.GetAsync(ScimHttp.TenantKey(context), context.RequestAborted);
        var baseUrl = ScimHttp.BaseUrl(context);
        var documents = schemas.Schemas.Select(s => (JsonNode)SchemaDocument.Build(s, baseUrl)).ToList();
        return Json(200, ListResponse.Build(documents.Count, 1, documents));
    }

    private static async Task<ScimResult> GetSchemaAsync(HttpContext context, ITenantSchemaCatalog catalog, string id)
    {
        var schemas = await catalog.GetAsync(ScimHttp.TenantKey(context), context.RequestAborted);
        var schema = schemas.Schemas.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        return schema is null
            ? new ScimResult(ScimResponses.Error(404, null, $"Schema '{id}' not found."))
            : Json(200, SchemaDocument.Build(schema, ScimHttp.BaseUrl(context)));
    }

    private static async Task<ScimResult> ListResourceTypesAsync(HttpContext context, ITenantSchemaCatalog catalog)
    {
        var schemas = await catalog.GetAsync(ScimHttp.TenantKey(context), context.RequestAborted);
        var baseUrl = ScimHttp.BaseUrl(context);
        var documents = schemas.ResourceTypes.Select(t => (JsonNode)SchemaDocument.Build(t, baseUrl)).ToList();
        return Json(200, ListResponse.Build(documents.Count, 1, documents));
    }

    private static async Task<ScimResult> GetResourceTypeAsync(HttpContext context, ITenantSchemaCatalog catalog, string name)
    {
        var schemas = await catalog.GetAsync(ScimHttp.TenantKey(context), context.RequestAborted);
        var type = schemas.ResourceTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return type is null
            ? new ScimResult(ScimResponses.Error(404, null, $"Resource type '{name}' not found."))
            : Json(200, SchemaDocument.Build(type, ScimHttp.BaseUrl(context)));
    }

    private static ScimResult Json(int status, JsonNode body) => new(ScimResponses.Json(status, body));
}
