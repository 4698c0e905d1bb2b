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
        // The token-to-route tenant check is part of authentication (TenantTokenAuthenticationHandler).
        var explicitTenant = app.MapGroup("/tenants/{tenantId}/scim/v2").RequireAuthorization(ScimClaims.TenantPolicy);
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
        scim.MapBulk();
        scim.MapRootSearch();
        scim.Map("/Me", (HttpContext context) => NotImplemented(context, "/Me is not supported: callers are provisioning clients, not users."));
        scim.Map("/{**rest}", (HttpContext context) => ScimHttp.WriteErrorAsync(context, 404, null, $"No SCIM endpoint at '{context.Request.Path}'."));
    }

    private static Task NotImplemented(HttpContext context, string detail) => ScimHttp.WriteErrorAsync(context, 501, null, detail);
}
