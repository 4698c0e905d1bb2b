using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansScim.Host.Hosting;

namespace OrleansScim.Host.Auth;

/// <summary>
/// Authenticates the operator's admin key (one of up to two configured keys); with no key configured the
/// admin API is off and nobody is an admin. The right key always works; wrong or missing keys count
/// against the client address (<see cref="FailedAuthenticationLimiter"/>), and an address over its limit
/// is answered 429 with Retry-After, without a log line per attempt.
/// </summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AdminOptions> admin,
    FailedAuthenticationLimiter failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string FailureScope = "admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var keys = admin.CurrentValue.Keys();
        if (keys.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        BearerToken.TryRead(Request, out var presented);
        if (presented is not null && Matches(presented, keys))
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }

        var address = Context.Connection.RemoteIpAddress;
        if (failures.IsBlocked(FailureScope, address, out var retryAfter))
        {
            Context.Features.Set(new AuthenticationThrottled(retryAfter));
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        failures.RecordFailure(FailureScope, address);
        return Task.FromResult(presented is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("Wrong admin key."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Features.Get<AuthenticationThrottled>() is { } throttled)
        {
            await throttled.WriteAsync(Context, "Too many failed admin authentications from this client address");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"admin\"";
        var detail = admin.CurrentValue.Keys().Count == 0
            ? "The admin API is off: no admin key is configured. Set Admin__ApiKey to a random secret of at least 32 characters."
            : "Send 'Authorization: Bearer <admin key>' (configured as Admin:ApiKey).";
        await Response.WriteAsJsonAsync(new { error = "unauthorized", detail });
    }

    /// <summary>
    /// Hashing both sides gives equal lengths, so each comparison takes the same time whatever was sent, and
    /// every configured key is compared, so the time does not say which key matched.
    /// </summary>
    private static bool Matches(string presented, IReadOnlyList<string> keys)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var matches = false;
        foreach (var key in keys)
        {
            matches |= CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return matches;
    }
}
