using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Auth;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// <c>/admin/tenants/{id}/schemas</c> (a tenant's extension schemas) and <c>/admin/tenants/{id}/settings</c>
/// (whether undeclared extensions are refused, and the input policy). Changes are in force on every silo
/// when the call returns.
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
        tenant.MapPost("/reindex", ReindexAsync);
    }

    /// <summary>
    /// Moves every user's and group's index entries to the current key scheme (after an upgrade that changed
    /// it; see README). Runs to the end before answering; a large tenant takes a while.
    /// </summary>
    private static async Task<IResult> ReindexAsync(HttpContext context, IGrainFactory grains, IOptions<ScimGrainOptions> options, string tenantId)
    {
        var configuration = await grains.GetGrain<ITenantGrain>(tenantId).GetSchemaConfigurationAsync(context.RequestAborted);
        if (configuration.TenantKey is not { } tenantKey)
        {
            return NotFound(tenantId);
        }

        var (users, groups) = await TenantReindex.RunAsync(grains, tenantKey, options.Value, context.RequestAborted);
        return Results.Ok(new JsonObject { ["users"] = users, ["groups"] = groups });
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
        var body = await ScimHttp.ReadBodyAsync(context.Request);
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var result = await tenant.PutSchemaExtensionAsync(urn, body, context.RequestAborted);
        if (result.Extension is not { } stored)
        {
            return Results.Problem(statusCode: result.Status, title: result.Status == 404 ? "Not found" : "Invalid schema", detail: result.Detail);
        }

        var answer = Describe(context, tenantId, stored);
        AddUnqualifiedNames(answer, stored, await tenant.GetSchemaConfigurationAsync(context.RequestAborted));
        return Results.Ok(answer);
    }

    /// <summary>
    /// Says which of the new schema's attribute names an unqualified path (<c>department</c> rather than
    /// <c>{urn}:department</c>) does not reach: those the core schema or the enterprise extension defines
    /// ("shadowedNames", they keep their meaning) and those another registered extension also defines
    /// ("ambiguousNames", unqualified they are a 400 naming both). Qualified names always work.
    /// </summary>
    private static void AddUnqualifiedNames(JsonObject answer, TenantSchemaExtension stored, TenantSchemaConfiguration configuration)
    {
        if (configuration.TenantKey is null)
        {
            return;
        }

        var schemas = GrainTenantSchemaCatalog.Build(configuration, configuration.TenantKey, NullLogger.Instance);
        var type = stored.ResourceType == "Group" ? schemas.Group : schemas.User;
        if (type.FindExtension(stored.Urn) is not { } schema)
        {
            return;
        }

        answer["shadowedNames"] = new JsonArray([.. type.ShadowedNames(schema).Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["resolvesTo"] = s.ResolvesTo })]);
        var ambiguous = new JsonArray();
        foreach (var attribute in schema.Attributes)
        {
            var definedBy = type.ExtensionsDefining(attribute.Name);
            if (definedBy.Count > 1 && !type.ShadowedNames(schema).Any(s => s.Name == attribute.Name))
            {
                ambiguous.Add(new JsonObject { ["name"] = attribute.Name, ["definedBy"] = new JsonArray([.. definedBy.Select(d => (JsonNode)d.Id)]) });
            }
        }

        answer["ambiguousNames"] = ambiguous;
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

    /// <summary>Changes the settings the body names; the others keep their values.</summary>
    private static async Task<IResult> PutSettingsAsync(HttpContext context, IGrainFactory grains, string tenantId, SettingsRequest? body)
    {
        if (body is null || (body.RejectUndeclaredExtensions is null && body.InputPolicy is null))
        {
            return Results.Problem(statusCode: 400, title: "Invalid settings", detail: "Send {\"rejectUndeclaredExtensions\": true|false} and/or {\"inputPolicy\": \"tolerant\"|\"strict\"}.");
        }

        InputPolicy? policy = null;
        if (body.InputPolicy is not null)
        {
            if (!InputPolicyNames.TryParse(body.InputPolicy, out var parsed))
            {
                return Results.Problem(statusCode: 400, title: "Invalid settings", detail: "inputPolicy must be \"tolerant\" or \"strict\".");
            }

            policy = parsed;
        }

        var change = new TenantSettingsChange(body.RejectUndeclaredExtensions, policy is null ? null : policy == InputPolicy.Strict);
        var settings = await grains.GetGrain<ITenantGrain>(tenantId).ChangeSettingsAsync(change, context.RequestAborted);
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

    private static JsonObject Describe(TenantSettings settings) => new()
    {
        ["rejectUndeclaredExtensions"] = settings.RejectUndeclaredExtensions,
        ["inputPolicy"] = InputPolicyNames.Format(settings.InputPolicy),
    };

    private static IResult NotFound(string tenantId) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: $"Tenant '{tenantId}' does not exist.");
}

public sealed record SettingsRequest(bool? RejectUndeclaredExtensions, string? InputPolicy);
