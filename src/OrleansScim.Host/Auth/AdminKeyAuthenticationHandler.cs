using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansScim.Host.Hosting;

namespace OrleansScim.Host.Auth;

/// <summary>Authenticates the operator's admin key; with no key configured, nobody is an admin.</summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AdminOptions> admin) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = admin.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            return Task.FromResult(AuthenticateResult.Fail("No admin key is configured (set Admin__ApiKey)."));
        }

        if (!BearerToken.TryRead(Request, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Hashing both sides gives equal lengths, so the comparison takes the same time whatever was sent.
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
        if (!matches)
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong admin key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"admin\"";
        await Response.WriteAsJsonAsync(new { error = "unauthorized", detail = "Send 'Authorization: Bearer <admin key>' (configured as Admin:ApiKey)." });
    }
}
