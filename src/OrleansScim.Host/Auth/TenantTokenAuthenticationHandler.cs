using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Auth;

/// <summary>Authenticates a tenant's bearer token: the token id finds the record, the secret is checked in constant time.</summary>
public sealed class TenantTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenRecordCache tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Being the default scheme, this handler runs for every request; the admin key and anything sent to
        // health or admin URLs are none of its business (no token lookup, no "not authenticated" log line).
        if (!ScimHttp.IsScimPath(Request.Path) || !BearerToken.TryRead(Request, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        if (!TokenSecrets.TryParse(token, out var tokenId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed bearer token.");
        }

        var (record, principal) = await tokens.GetPrincipalAsync(tokenId, Scheme.Name, Context.RequestAborted);
        if (record is null || principal is null || !TokenSecrets.Matches(secret, record.SecretHash))
        {
            return AuthenticateResult.Fail("Unknown or revoked bearer token.");
        }

        // On /tenants/{tenantId}/scim/v2 the token must be that tenant's: tenant A's token on tenant B's URL
        // is not a valid credential there (401, like a wrong token), whatever A may do elsewhere.
        if (Request.RouteValues.TryGetValue("tenantId", out var routeTenant) && routeTenant is string tenant
            && Request.Path.StartsWithSegments("/tenants") && !string.Equals(tenant, record.TenantId, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The bearer token does not belong to this tenant.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        return ScimHttp.WriteErrorAsync(Context, 401, null, "A valid bearer token for this tenant is required.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimHttp.WriteErrorAsync(Context, 403, null, "This token may not access this resource.");
}
