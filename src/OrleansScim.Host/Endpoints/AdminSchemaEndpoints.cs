using System.Text.Json.Nodes;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Auth;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// <c>/admin/tenants/{id}/schemas</c> (a tenant's extension schemas) and <c>/admin/tenants/{id}/settings</c>
/// (whether undeclared extensions are refused). Changes are in force on every silo when the call returns.
/// </summary>
public static class AdminSchemaEndpoints
{
    public static void MapAdminSchemas(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/admin/tenants/{tenantId}").RequireAuthorization(ScimClaims.AdminPolicy);
        tenant.MapGet("/schemas", ListAsync);
        tenant.MapPut("/schemas/{urn}", PutAsync);
        tenant.MapDelete("/schemas/{urn}", DeleteAsync);
        tenant.MapGet("/settings", GetSettingsAsync);
        tenant.MapPut("/settings", PutSettingsAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains, string tenantId)
    {
        var configuration = await grains.GetGrain<ITenantGrain>(tenantId).GetSchemaConfigurationAsync(context.RequestAborted);
        return configuration.TenantKey is null
            ? NotFound(tenantId)
            : Results.Ok(new JsonObject
            {
                ["extensions"] = new JsonArray([.. configuration.Extensions.Select(e => (JsonNode)Describe(context, tenantId, e))]),
            });
    }

    private static async Task<IResult> PutAsync(HttpContext context, IGrainFactory grains, string tenantId, string urn)
    {
        string body;
        try
        {
            body = await ScimHttp.ReadBodyAsync(context.Request);
        }
        catch (ScimException e)
        {
            return Results.Problem(statusCode: e.Status, title: "Invalid request body", detail: e.Detail);
        }

        var result = await grains.GetGrain<ITenantGrain>(tenantId).PutSchemaExtensionAsync(urn, body, context.RequestAborted);
        return result.Extension is { } stored
            ? Results.Ok(Describe(context, tenantId, stored))
            : Results.Problem(statusCode: result.Status, title: result.Status == 404 ? "Not found" : "Invalid schema", detail: result.Detail);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IGrainFactory grains, string tenantId, string urn) =>
        await grains.GetGrain<ITenantGrain>(tenantId).DeleteSchemaExtensionAsync(urn, context.RequestAborted)
            ? Results.NoContent()
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"Tenant '{tenantId}' has no extension schema '{urn}'.");

    private static async Task<IResult> GetSettingsAsync(HttpContext context, IGrainFactory grains, string tenantId)
    {
        var configuration = await grains.GetGrain<ITenantGrain>(tenantId).GetSchemaConfigurationAsync(context.RequestAborted);
        return configuration.TenantKey is null ? NotFound(tenantId) : Results.Ok(Describe(configuration.Settings));
    }

    private static async Task<IResult> PutSettingsAsync(HttpContext context, IGrainFactory grains, string tenantId, SettingsRequest? body)
    {
        if (body?.RejectUndeclaredExtensions is not { } reject)
        {
            return Results.Problem(statusCode: 400, title: "Invalid settings", detail: "Send {\"rejectUndeclaredExtensions\": true|false}.");
        }

        var settings = await grains.GetGrain<ITenantGrain>(tenantId).SetSettingsAsync(new TenantSettings(reject), context.RequestAborted);
        return settings is null ? NotFound(tenantId) : Results.Ok(Describe(settings));
    }

    /// <summary>The RFC 7643 §7 schema representation as /Schemas serves it, plus what it extends.</summary>
    private static JsonObject Describe(HttpContext context, string tenantId, TenantSchemaExtension extension)
    {
        var document = ScimJson.ParseTrusted(extension.SchemaJson);
        document["meta"] = new JsonObject
        {
            ["resourceType"] = "Schema",
            ["location"] = $"{AdminEndpoints.TenantBaseUrl(context, tenantId)}/Schemas/{extension.Urn}",
        };
        document["resourceType"] = extension.ResourceType;
        document["required"] = extension.Required;
        return document;
    }

    private static JsonObject Describe(TenantSettings settings) => new() { ["rejectUndeclaredExtensions"] = settings.RejectUndeclaredExtensions };

    private static IResult NotFound(string tenantId) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: $"Tenant '{tenantId}' does not exist.");
}

public sealed record SettingsRequest(bool? RejectUndeclaredExtensions);
