using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Guessing tokens or the admin key is slow and cheap for the service: failed authentications are counted
/// per client address, and once an address is over its limit its requests get 429 with Retry-After before
/// any token lookup. A token the silo knows to be valid is never refused for its address (Entra sends many
/// customers' traffic from shared addresses), and the right admin key always works.
/// </summary>
public sealed class AuthenticationThrottlingTests(GuardedHostFactory host) : IClassFixture<GuardedHostFactory>
{
    [Fact]
    public async Task GuessedTokens_OverTheLimit_Get429BeforeAnyLookup()
    {
        var tenant = await host.CreateTenantAsync("guess");
        var address = TestClientAddress.NewAddress();
        var guesses = Enumerable.Range(0, 50).Select(_ => RandomToken()).ToList();
        var lookupsBefore = host.Lookups.Total;

        var replies = new List<ScimReply>();
        foreach (var guess in guesses)
        {
            replies.Add(await tenant.SendAsync(HttpMethod.Get, "/Users", token: guess, configure: r => TestClientAddress.Set(r, address)));
        }

        Assert.All(replies.Take(GuardedHostFactory.FailureBurst), r => r.AssertScimError(HttpStatusCode.Unauthorized, null));
        var throttled = replies.Skip(GuardedHostFactory.FailureBurst + 2).ToList();
        Assert.All(throttled, r => r.AssertScimError(HttpStatusCode.TooManyRequests, null));
        Assert.All(throttled, r => Assert.Equal("1", r.Response.Headers.GetValues("Retry-After").Single()));
        // A failure or two may be let through while the bucket refills during the loop; never one per guess.
        Assert.InRange(host.Lookups.Total - lookupsBefore, GuardedHostFactory.FailureBurst, GuardedHostFactory.FailureBurst + 3);
    }

    [Fact]
    public async Task AValidTokenKnownToTheSilo_IsNeverRefusedForItsAddress_WhileAnotherTenantsBadTokenIs()
    {
        var honest = await host.CreateTenantAsync("shared");
        var address = TestClientAddress.NewAddress();
        (await honest.SendAsync(HttpMethod.Get, "/Users", configure: r => TestClientAddress.Set(r, address))).AssertStatus(HttpStatusCode.OK);

        for (var i = 0; i < 20; i++)
        {
            await honest.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => TestClientAddress.Set(r, address));
        }

        (await honest.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => TestClientAddress.Set(r, address)))
            .AssertScimError(HttpStatusCode.TooManyRequests, null);
        for (var i = 0; i < 10; i++)
        {
            (await honest.SendAsync(HttpMethod.Get, "/Users", configure: r => TestClientAddress.Set(r, address))).AssertStatus(HttpStatusCode.OK);
        }

        // Another address is not affected at all.
        (await honest.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => TestClientAddress.Set(r, TestClientAddress.NewAddress())))
            .AssertScimError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task AKnownTokenIdWithAWrongSecret_CountsAsAFailureToo()
    {
        var tenant = await host.CreateTenantAsync("wrongsecret");
        var address = TestClientAddress.NewAddress();
        var wrong = tenant.TokenId + "." + new string('x', 43);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < GuardedHostFactory.FailureBurst + 5; i++)
        {
            statuses.Add((await tenant.SendAsync(HttpMethod.Get, "/Users", token: wrong, configure: r => TestClientAddress.Set(r, address))).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task AnUnknownTokenId_IsLookedUpOnce_ThenRememberedAsUnknown()
    {
        var tenant = await host.CreateTenantAsync("negative");
        var guess = RandomToken();
        var tokenId = guess[..24];

        for (var i = 0; i < 3; i++)
        {
            (await tenant.SendAsync(HttpMethod.Get, "/Users", token: guess, configure: r => TestClientAddress.Set(r, TestClientAddress.NewAddress())))
                .AssertScimError(HttpStatusCode.Unauthorized, null);
        }

        Assert.Equal(1, host.Lookups.For(tokenId));
    }

    [Fact]
    public async Task BehindATrustedProxy_FailuresCountForTheForwardedAddress_AndOthersCannotChooseTheirs()
    {
        var tenant = await host.CreateTenantAsync("proxy");
        var victim = TestClientAddress.NewAddress();

        // Through the proxy, a guesser at the forwarded address uses up that address's failures.
        for (var i = 0; i < 10; i++)
        {
            await tenant.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => Via(r, GuardedHostFactory.TrustedProxy, victim));
        }

        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => Via(r, GuardedHostFactory.TrustedProxy, victim)))
            .AssertScimError(HttpStatusCode.TooManyRequests, null);
        // The proxy's other clients are separate addresses.
        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => Via(r, GuardedHostFactory.TrustedProxy, TestClientAddress.NewAddress())))
            .AssertScimError(HttpStatusCode.Unauthorized, null);

        // A client that is no trusted proxy cannot blame another address: it is counted under its own.
        var untrusted = TestClientAddress.NewAddress();
        for (var i = 0; i < 10; i++)
        {
            await tenant.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => Via(r, untrusted, TestClientAddress.NewAddress()));
        }

        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: RandomToken(), configure: r => TestClientAddress.Set(r, untrusted)))
            .AssertScimError(HttpStatusCode.TooManyRequests, null);
    }

    [Fact]
    public async Task WrongAdminKeys_OverTheLimit_Get429WithRetryAfter_TheRightKeyAlwaysWorks()
    {
        var address = TestClientAddress.NewAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await AdminAsync("wrong-admin-key-" + i, address);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.All(statuses.Take(GuardedHostFactory.FailureBurst), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        using var right = await AdminAsync(ScimHostFactory.AdminKey, address);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        using var noKey = await AdminAsync(null, address);
        Assert.Equal(HttpStatusCode.TooManyRequests, noKey.StatusCode);
    }

    private async Task<HttpResponseMessage> AdminAsync(string? key, string address)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/tenants/nobody-" + Guid.NewGuid().ToString("N")[..8]);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        TestClientAddress.Set(request, address);
        var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // The right key on a tenant that does not exist: authenticated, then 404.
            response.StatusCode = HttpStatusCode.OK;
        }

        return response;
    }

    private static void Via(HttpRequestMessage request, string connectionAddress, string forwardedFor)
    {
        TestClientAddress.Set(request, connectionAddress);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
    }

    private static string RandomToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "." + new string('a', 43);
}
