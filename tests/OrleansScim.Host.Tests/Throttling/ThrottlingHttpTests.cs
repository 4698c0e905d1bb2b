using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Throttling;

[Collection(ThrottledHostCollection.Name)]
public sealed class ThrottlingHttpTests(ThrottledHostFactory host)
{
    [Fact]
    public async Task PutLimits_ThenGet_ReturnsTheTenantsValues()
    {
        var tenant = await host.CreateTenantAsync("limits");
        using var admin = host.CreateAdminClient();

        var put = await admin.PutAsJsonAsync($"/admin/tenants/{tenant.TenantId}/limits", new { requestsPerSecond = 10, burst = 20 });
        var get = await admin.GetFromJsonAsync<JsonObject>($"/admin/tenants/{tenant.TenantId}/limits");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(10, get!["requestsPerSecond"]!.GetValue<double>());
        Assert.Equal(20, get["burst"]!.GetValue<int>());
        Assert.Equal("tenant", get["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"requestsPerSecond":0,"burst":5}""")]
    [InlineData("""{"requestsPerSecond":5,"burst":0}""")]
    [InlineData("""{"burst":5}""")]
    public async Task PutLimits_WithBadValues_Returns400(string body)
    {
        var tenant = await host.CreateTenantAsync("badlimits");
        using var admin = host.CreateAdminClient();

        var response = await admin.PutAsync($"/admin/tenants/{tenant.TenantId}/limits", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Limits_OfAnUnknownTenant_Return404()
    {
        using var admin = host.CreateAdminClient();

        var response = await admin.PutAsJsonAsync("/admin/tenants/no-such-tenant/limits", new { requestsPerSecond = 10, burst = 20 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TenantOverItsLimit_Gets429WithRetryAfterAndAScimError()
    {
        var tenant = await host.CreateTenantAsync("noisy");
        await SetLimitAsync(tenant, requestsPerSecond: 1, burst: 3);

        var replies = new List<ScimReply>();
        for (var i = 0; i < 8; i++)
        {
            replies.Add(await tenant.GetAsync("/Users?count=0"));
        }

        var throttled = replies.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(replies.Count(r => r.Status == HttpStatusCode.OK), 3, 4);
        Assert.NotEmpty(throttled);
        foreach (var reply in throttled)
        {
            reply.AssertScimError(HttpStatusCode.TooManyRequests, null);
            var retryAfter = int.Parse(reply.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 2);
        }
    }

    [Fact]
    public async Task AcceptedRate_OverAFewSeconds_IsWithinTenPercentOfTheLimit()
    {
        var tenant = await host.CreateTenantAsync("accuracy");
        const double rate = 20;

        // Two seconds' worth of burst: a pause of the shared test machine shorter than that loses no tokens
        // to the bucket's cap, so the count measures the limiter rather than the machine.
        const int burst = 40;
        await SetLimitAsync(tenant, rate, burst);
        var window = TimeSpan.FromSeconds(3);

        var clock = Stopwatch.StartNew();
        var accepted = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var ok = 0;
            while (clock.Elapsed < window)
            {
                var reply = await tenant.GetAsync("/Users?count=0");
                if (reply.Status == HttpStatusCode.OK && clock.Elapsed < window)
                {
                    ok++;
                }
                else if (reply.Status == HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(5);
                }
            }

            return ok;
        }));

        var expected = burst + (rate * window.TotalSeconds);
        Assert.InRange(accepted.Sum(), expected * 0.9, expected * 1.1);
    }

    [Fact]
    public async Task ConcurrentClients_AreGrantedWhatTheBucketHolds()
    {
        var tenant = await host.CreateTenantAsync("flood");
        const double rate = 10;
        const int burst = 20;
        await SetLimitAsync(tenant, rate, burst);
        var window = TimeSpan.FromSeconds(4);

        // 16 clients sending back to back, a 429 answered by the next request at once.
        var clock = Stopwatch.StartNew();
        var accepted = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var ok = 0;
            while (clock.Elapsed < window)
            {
                var reply = await tenant.GetAsync("/Users?count=0");
                if (reply.Status == HttpStatusCode.OK && clock.Elapsed < window)
                {
                    ok++;
                }
            }

            return ok;
        }));
        var elapsed = Math.Min(clock.Elapsed.TotalSeconds, window.TotalSeconds);

        var expected = burst + (rate * elapsed);
        Assert.InRange(accepted.Sum(), expected * 0.85, expected * 1.05);
    }

    [Fact]
    public async Task ConcurrentBurst_WithinTheBucket_GetsNo429()
    {
        var tenant = await host.CreateTenantAsync("burst");
        await SetLimitAsync(tenant, requestsPerSecond: 1, burst: 20);

        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => tenant.GetAsync("/Users?count=0")));

        Assert.All(replies, reply => reply.AssertStatus(HttpStatusCode.OK));
    }

    [Fact]
    public async Task ThrottledCreates_ChangeNothing()
    {
        var tenant = await host.CreateTenantAsync("nowork");
        await SetLimitAsync(tenant, requestsPerSecond: 0.5, burst: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await tenant.PostAsync("/Users", $$"""{"userName":"u{{i}}@example.com"}""")).Status);
        }

        using var admin = host.CreateAdminClient();
        var info = await admin.GetFromJsonAsync<JsonObject>($"/admin/tenants/{tenant.TenantId}");
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Created), info!["userCount"]!.GetValue<long>());
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task QuietTenant_IsNotSlowedOrThrottledByANoisyOne()
    {
        var noisy = await host.CreateTenantAsync("noisy2");
        var quiet = await host.CreateTenantAsync("quiet");
        await SetLimitAsync(noisy, requestsPerSecond: 2, burst: 2);
        await SetLimitAsync(quiet, requestsPerSecond: 100, burst: 20);

        var flood = Task.WhenAll(Enumerable.Range(0, 200).Select(_ => noisy.GetAsync("/Users?count=0")));
        var quietReplies = new List<ScimReply>();
        for (var i = 0; i < 10; i++)
        {
            quietReplies.Add(await quiet.GetAsync("/Users?count=0"));
        }

        var noisyReplies = await flood;
        Assert.All(quietReplies, r => r.AssertStatus(HttpStatusCode.OK));
        Assert.True(noisyReplies.Count(r => r.Status == HttpStatusCode.TooManyRequests) >= 150);
    }

    [Fact]
    public async Task LimitChange_TakesEffectWithinSeconds()
    {
        var tenant = await host.CreateTenantAsync("change");
        await SetLimitAsync(tenant, requestsPerSecond: 0.2, burst: 1);
        await tenant.GetAsync("/Users?count=0");
        (await tenant.GetAsync("/Users?count=0")).AssertStatus(HttpStatusCode.TooManyRequests);

        await SetLimitAsync(tenant, requestsPerSecond: 1000, burst: 1000);

        var clock = Stopwatch.StartNew();
        while ((await tenant.GetAsync("/Users?count=0")).Status != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The raised limit did not take effect.");
            await Task.Delay(100);
        }

        for (var i = 0; i < 20; i++)
        {
            (await tenant.GetAsync("/Users?count=0")).AssertStatus(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task AdminApi_IsNeverThrottledByTenantLimits()
    {
        var tenant = await host.CreateTenantAsync("adminfree");
        await SetLimitAsync(tenant, requestsPerSecond: 0.1, burst: 1);
        using var admin = host.CreateAdminClient();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/tenants/{tenant.TenantId}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutAValidToken_AreLimitedPerAddress_AndSpendNoTenantBudget()
    {
        var tenant = await host.CreateTenantAsync("guessed");
        await SetLimitAsync(tenant, requestsPerSecond: 1, burst: 5);

        var guesser = TestClientAddress.NewAddress();
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < ThrottledHostFactory.AnonymousBurst + 6; i++)
        {
            guesses.Add((await tenant.SendAsync(HttpMethod.Get, "/Users", token: tenant.TokenId + ".not-the-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", configure: r => TestClientAddress.Set(r, guesser))).Status);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, guesses);
        Assert.Contains(HttpStatusCode.TooManyRequests, guesses);
        for (var i = 0; i < 5; i++)
        {
            (await tenant.GetAsync("/Users?count=0")).AssertStatus(HttpStatusCode.OK);
        }
    }

    private async Task SetLimitAsync(TenantClient tenant, double requestsPerSecond, int burst)
    {
        using var admin = host.CreateAdminClient();
        var response = await admin.PutAsJsonAsync($"/admin/tenants/{tenant.TenantId}/limits", new { requestsPerSecond, burst });
        response.EnsureSuccessStatusCode();
    }
}
