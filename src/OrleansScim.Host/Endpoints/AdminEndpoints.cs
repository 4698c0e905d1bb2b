using System.Text.RegularExpressions;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Auth;

namespace OrleansScim.Host.Endpoints;

/// <summary>The tenant admin API (operators only; see README for the contract).</summary>
public static partial class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/tenants").RequireAuthorization(ScimClaims.AdminPolicy);
        admin.MapPost("/", CreateTenantAsync);
        admin.MapGet("/{tenantId}", GetTenantAsync);
        admin.MapDelete("/{tenantId}", DeleteTenantAsync);
        admin.MapPost("/{tenantId}/tokens", IssueTokenAsync);
        admin.MapDelete("/{tenantId}/tokens/{tokenId}", RevokeTokenAsync);
    }

    public static string TenantBaseUrl(HttpContext context, string tenantId) => $"{ScimHttp.Origin(context)}/tenants/{tenantId}/scim/v2";

    private static async Task<IResult> CreateTenantAsync(HttpContext context, IGrainFactory grains, AdminAudit audit, CreateTenantRequest? body)
    {
        var tenantId = body?.TenantId;
        if (tenantId is null || !TenantIdPattern().IsMatch(tenantId))
        {
            return Results.Problem(
                statusCode: 400,
                title: "Invalid tenant id",
                detail: "tenantId must be 1-64 characters of lowercase letters, digits and '-'.");
        }

        var created = await grains.GetGrain<ITenantGrain>(tenantId).CreateAsync(context.RequestAborted);
        if (created is null)
        {
            return Results.Problem(statusCode: 409, title: "Tenant exists", detail: $"Tenant '{tenantId}' already exists.");
        }

        audit.TenantCreated(tenantId, created.Token.TokenId);

        return Results.Created($"/admin/tenants/{tenantId}", new
        {
            tenantId,
            scimBaseUrl = TenantBaseUrl(context, tenantId),
            token = created.Token.Token,
            tokenId = created.Token.TokenId,
        });
    }

    private static async Task<IResult> GetTenantAsync(HttpContext context, IGrainFactory grains, string tenantId)
    {
        var info = await grains.GetGrain<ITenantGrain>(tenantId).GetInfoAsync(context.RequestAborted);
        return info is null
            ? NotFound(tenantId)
            : Results.Ok(new
            {
                tenantId = info.TenantId,
                scimBaseUrl = TenantBaseUrl(context, tenantId),
                created = info.Created,
                userCount = info.UserCount,
                groupCount = info.GroupCount,
                tokens = info.Tokens.Select(t => new { tokenId = t.TokenId, created = t.Created }),
            });
    }

    private static async Task<IResult> DeleteTenantAsync(HttpContext context, IGrainFactory grains, AdminAudit audit, string tenantId)
    {
        if (!await grains.GetGrain<ITenantGrain>(tenantId).DeleteAsync(context.RequestAborted))
        {
            return NotFound(tenantId);
        }

        audit.TenantDeleted(tenantId);
        return Results.NoContent();
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context, IGrainFactory grains, AdminAudit audit, string tenantId)
    {
        var issued = await grains.GetGrain<ITenantGrain>(tenantId).IssueTokenAsync(context.RequestAborted);
        if (issued is null)
        {
            return NotFound(tenantId);
        }

        audit.TokenIssued(tenantId, issued.TokenId);
        return Results.Created($"/admin/tenants/{tenantId}/tokens/{issued.TokenId}", new { tokenId = issued.TokenId, token = issued.Token, created = issued.Created });
    }

    private static async Task<IResult> RevokeTokenAsync(HttpContext context, IGrainFactory grains, AdminAudit audit, string tenantId, string tokenId)
    {
        if (!await grains.GetGrain<ITenantGrain>(tenantId).RevokeTokenAsync(tokenId, context.RequestAborted))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: $"Tenant '{tenantId}' has no token '{tokenId}'.");
        }

        audit.TokenRevoked(tenantId, tokenId);
        return Results.NoContent();
    }

    private static IResult NotFound(string tenantId) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: $"Tenant '{tenantId}' does not exist.");

    // \z, not $: "$" also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z")]
    private static partial Regex TenantIdPattern();
}

public sealed record CreateTenantRequest(string? TenantId);
