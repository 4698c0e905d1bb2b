using OrleansScim.Grains.Directory;
using OrleansScim.Host.Auth;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// The SCIM API under both base URLs: <c>/tenants/{tenantId}/scim/v2</c> (the token must belong to that
/// tenant) and <c>/scim/v2</c> (the tenant is the token's).
/// </summary>
public static class ScimEndpoints
{
    public static IEndpointRouteBuilder MapScim(this IEndpointRouteBuilder app)
    {
        var explicitTenant = app.MapGroup("/tenants/{tenantId}/scim/v2")
            .RequireAuthorization(ScimClaims.TenantPolicy)
            .AddEndpointFilter(RequireRouteTenantAsync);
        MapScimApi(explicitTenant);

        var implicitTenant = app.MapGroup("/scim/v2").RequireAuthorization(ScimClaims.TenantPolicy);
        MapScimApi(implicitTenant);
        return app;
    }

    private static void MapScimApi(RouteGroupBuilder scim)
    {
        scim.MapResources("Users", ResourceTypeNames.User);
        scim.MapResources("Groups", ResourceTypeNames.Group);
        scim.MapDiscovery();
        scim.Map("/Me", (HttpContext context) => NotImplemented(context, "/Me is not supported: callers are provisioning clients, not users."));
        scim.Map("/{**rest}", (HttpContext context) => ScimHttp.WriteErrorAsync(context, 404, null, $"No SCIM endpoint at '{context.Request.Path}'."));
    }

    /// <summary>A token of tenant A on tenant B's URL is not authenticated for B: 401, as for a wrong token.</summary>
    private static async ValueTask<object?> RequireRouteTenantAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var routeTenant = context.Request.RouteValues["tenantId"] as string;
        var tokenTenant = context.User.FindFirst(ScimClaims.TenantId)?.Value;
        if (routeTenant is null || !string.Equals(routeTenant, tokenTenant, StringComparison.Ordinal))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\", error=\"invalid_token\"";
            await ScimHttp.WriteErrorAsync(context, 401, null, "The bearer token does not belong to this tenant.");
            return Results.Empty;
        }

        return await next(invocation);
    }

    private static Task NotImplemented(HttpContext context, string detail) => ScimHttp.WriteErrorAsync(context, 501, null, detail);
}
