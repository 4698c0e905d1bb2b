using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// The real host on real Kestrel listeners: <c>Admin:Urls</c> puts the admin API on a listener of its own
/// (told apart by the connection's local port, not the Host header) while <c>--urls</c> or
/// <c>ASPNETCORE_URLS</c> keep naming the main one; oversized headers and request lines get SCIM error
/// bodies below Kestrel's hard limits.
/// </summary>
public sealed class ListenerTests
{
    private const string AdminKey = "listener-admin-key-0123456789-abcdefghij";

    [Theory]
    [InlineData("--urls")]
    [InlineData("ASPNETCORE_URLS")]
    public async Task AdminUrls_PutTheAdminApiOnItsOwnListener_TheMainOneStaysWhereConfigured(string mainUrlsFrom)
    {
        var main = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var admin = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var environment = new Dictionary<string, string> { ["Admin__ApiKey"] = AdminKey, ["Admin__Urls"] = admin.ToString().TrimEnd('/') };
        string[] arguments = [];
        if (mainUrlsFrom == "--urls")
        {
            arguments = ["--urls", main.ToString().TrimEnd('/')];
        }
        else
        {
            environment["ASPNETCORE_URLS"] = main.ToString().TrimEnd('/');
        }

        await using var host = await HostProcess.StartAsync(arguments, environment, new Uri(admin, "/admin/tenants/x"));
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        var created = await client.PostAsync(new Uri(admin, "/admin/tenants"), Json("""{ "tenantId": "listener" }"""));
        var adminOnMain = await client.GetAsync(new Uri(main, "/admin/tenants/listener"));
        var healthOnMain = await client.GetAsync(new Uri(main, "/health/live"));
        var healthOnAdmin = await client.GetAsync(new Uri(admin, "/health/live"));
        var scimOnAdmin = await client.GetAsync(new Uri(admin, "/scim/v2/ServiceProviderConfig"));
        var metricsOnAdmin = await client.GetAsync(new Uri(admin, "/metrics"));
        var metricsOnMain = await client.GetAsync(new Uri(main, "/metrics"));
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri(main, "/admin/tenants/listener"));
        spoofed.Headers.Host = $"127.0.0.1:{admin.Port}";
        var spoofedHost = await client.SendAsync(spoofed);

        Assert.True(created.StatusCode == HttpStatusCode.Created, host.Output());
        Assert.Contains($"127.0.0.1:{main.Port}/tenants/listener/scim/v2", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, adminOnMain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthOnMain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, healthOnAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, scimOnAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, spoofedHost.StatusCode);

        // The Prometheus endpoint goes with the admin listener, where a NetworkPolicy can open it to monitoring only.
        Assert.Equal(HttpStatusCode.OK, metricsOnAdmin.StatusCode);
        Assert.Contains("orleansscim_requests", await metricsOnAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, metricsOnMain.StatusCode);
    }

    [Fact]
    public async Task HeadersAndRequestLines_OverTheServiceLimits_GetScimErrors_BeyondKestrelsLimits_KestrelRefusesWithoutABody()
    {
        var main = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        await using var host = await HostProcess.StartAsync(["--urls", main.ToString().TrimEnd('/')], new Dictionary<string, string>(), new Uri(main, "/health/live"));
        using var client = new HttpClient { BaseAddress = main };

        using var bigHeader = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users");
        bigHeader.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('a', 40 * 1024));
        var headers = await client.SendAsync(bigHeader);
        var line = await client.GetAsync("/scim/v2/Users?filter=" + new string('a', 20 * 1024));

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, headers.StatusCode);
        Assert.Contains("\"status\":\"431\"", await headers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, line.StatusCode);
        Assert.Contains("\"status\":\"414\"", await line.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Beyond Kestrel's own limits (64 KiB of headers): refused before any middleware, as the README says.
        var raw = await SendRawAsync(main, $"GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {new string('a', 100 * 1024)}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 431", raw, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 0", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ABodyOverTheLimit_IsStoppedByKestrel_OnEveryEndpoint_AndAnsweredWithAScimError_WithOrWithoutALength()
    {
        var main = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var environment = new Dictionary<string, string> { ["Admin__ApiKey"] = AdminKey, ["Scim__MaxRequestBodyBytes"] = "4096" };
        await using var host = await HostProcess.StartAsync(["--urls", main.ToString().TrimEnd('/')], environment, new Uri(main, "/health/live"));
        using var client = new HttpClient { BaseAddress = main };

        // The client waits for the server's interim or final answer before it uploads a body, so a refused
        // body is never still being sent when the server closes the connection (a broken pipe, not a 413).
        client.DefaultRequestHeaders.ExpectContinue = true;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var tenant = System.Text.Json.Nodes.JsonNode.Parse(await (await client.PostAsync("/admin/tenants", Json("""{ "tenantId": "bodies" }"""))).Content.ReadAsStringAsync())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant["token"]!.GetValue<string>());
        // Just over the limit: a chunked body is read until it passes the limit, and the rest must already be sent.
        var body = $$"""{"userName":"big","title":"{{new string('a', 4 * 1024)}}"}""";

        var withLength = await client.PostAsync("/tenants/bodies/scim/v2/Users", Json(body));
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "/tenants/bodies/scim/v2/Users") { Content = Json(body) };
        streamed.Headers.TransferEncodingChunked = true;
        var withoutLength = await client.SendAsync(streamed);
        var small = await client.PostAsync("/tenants/bodies/scim/v2/Users", Json("""{"userName":"small"}"""));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var adminBody = await client.PostAsync("/admin/tenants", Json($$"""{"tenantId":"padded","padding":"{{new string('a', 4 * 1024)}}"}"""));

        foreach (var refused in new[] { withLength, withoutLength })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains("exceeds the limit of 4096 bytes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(small.StatusCode == HttpStatusCode.Created, host.Output());

        // Every endpoint, not only those that read their body through the SCIM reader: Kestrel's own limit.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, adminBody.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> SendRawAsync(Uri server, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
