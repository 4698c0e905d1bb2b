using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Auth;

/// <summary>
/// Authenticates a tenant's bearer token: the token id finds the record, the secret is checked in constant
/// time (<see cref="TenantTokenCheck"/>). A token this silo already knows to be valid is never refused for
/// its address. Otherwise, an address that failed too often (<see cref="FailedAuthenticationLimiter"/>)
/// is answered 429 before its token is looked up; every failure counts against its address.
/// </summary>
public sealed class TenantTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantTokenCheck tokens,
    FailedAuthenticationLimiter failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string FailureScope = "scim";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Being the default scheme, this handler runs for every request; the admin key and anything sent to
        // health or admin URLs are none of its business (no token lookup, no "not authenticated" log line).
        if (!ScimHttp.IsScimPath(Request.Path))
        {
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress;
        if (!BearerToken.TryRead(Request, out var token) || !TokenSecrets.TryParse(token, out var tokenId, out var secret))
        {
            if (failures.IsBlocked(FailureScope, address, out var blockedFor))
            {
                Context.Features.Set(new AuthenticationThrottled(blockedFor));
                return AuthenticateResult.NoResult();
            }

            return Failed(token is null ? null : "Malformed bearer token.");
        }

        // A token this silo knows to be valid passes whatever its address did, and so does the refresh of one
        // that was valid here recently; any other request from an address that failed too often is refused
        // before its token is looked up (no lookup, no log line).
        var known = tokens.TryCheckCached(tokenId, secret, out var record);
        var refresh = !known && tokens.WasRecentlyValid(tokenId);
        if (record is null && !refresh && failures.IsBlocked(FailureScope, address, out var retryAfter))
        {
            Context.Features.Set(new AuthenticationThrottled(retryAfter));
            return AuthenticateResult.NoResult();
        }

        if (!known)
        {
            record = await tokens.CheckAsync(tokenId, secret, Context.RequestAborted);
        }

        if (record is null)
        {
            return Failed("Unknown or revoked bearer token.");
        }

        // On /tenants/{tenantId}/scim/v2 the token must be that tenant's: tenant A's token on tenant B's URL
        // is not a valid credential there (401, like a wrong token), whatever A may do elsewhere.
        if (Request.RouteValues.TryGetValue("tenantId", out var routeTenant) && routeTenant is string tenant
            && Request.Path.StartsWithSegments("/tenants") && !string.Equals(tenant, record.TenantId, StringComparison.Ordinal))
        {
            return Failed("The bearer token does not belong to this tenant.");
        }

        var principal = await tokens.PrincipalAsync(tokenId, Scheme.Name, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Features.Get<AuthenticationThrottled>() is { } throttled)
        {
            return throttled.WriteAsync(Context, "Too many failed authentications from this client address");
        }

        Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        return ScimHttp.WriteErrorAsync(Context, 401, null, "A valid bearer token for this tenant is required.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimHttp.WriteErrorAsync(Context, 403, null, "This token may not access this resource.");

    private AuthenticateResult Failed(string? reason)
    {
        failures.RecordFailure(FailureScope, Context.Connection.RemoteIpAddress);
        return reason is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(reason);
    }
}
