using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Mixed valid and hostile traffic across many tenants for a fixed time, bounded (each model tenant keeps at
/// most <see cref="MaxUsersPerTenant"/> users), then a check that what the service holds is exactly what
/// the acknowledged requests imply. Valid traffic (creates, updates, deletes, memberships, lookups) goes to
/// model tenants and is tracked in a model; hostile traffic (generated bodies and queries, guessed tokens)
/// goes to other tenants and must never get a 5xx. Used by the CI soak (in-process host, 30 s) and by the
/// long soak of load/soak (a real host process, 10 minutes). One <see cref="HttpClient"/> for all requests:
/// the in-memory test server's factory keeps every client it creates until it is disposed.
/// </summary>
public sealed class SoakDriver(HttpClient client, string adminKey)
{
    public const int MaxUsersPerTenant = 40;

    private readonly ConcurrentBag<string> _serverErrors = [];
    private long _requests;
    private long _refused;

    /// <summary>Requests sent, of which refused with 4xx (hostile ones mostly), and every 5xx seen (must stay empty).</summary>
    public (long Requests, long Refused, IReadOnlyCollection<string> ServerErrors) Totals => (Interlocked.Read(ref _requests), Interlocked.Read(ref _refused), _serverErrors);

    public async Task<IReadOnlyList<string>> RunAsync(TimeSpan duration, int modelTenants, int hostileTenants, int workers, Action<string>? progress = null)
    {
        var model = new List<ModelTenant>();
        for (var i = 0; i < modelTenants; i++)
        {
            model.Add(new ModelTenant(await CreateTenantAsync("soak-m")));
        }

        var hostile = new List<TenantAccess>();
        for (var i = 0; i < hostileTenants; i++)
        {
            hostile.Add(await CreateTenantAsync("soak-h"));
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                if (random.Next(3) == 0)
                {
                    await HostileAsync(hostile[random.Next(hostile.Count)], random);
                }
                else
                {
                    var tenant = model[random.Next(model.Count)];
                    await tenant.Lock.WaitAsync();
                    try
                    {
                        await ValidAsync(tenant, random);
                    }
                    finally
                    {
                        tenant.Lock.Release();
                    }
                }
            }
        })));

        progress?.Invoke($"{Totals.Requests} requests in {clock.Elapsed.TotalSeconds:F0} s ({Totals.Refused} refused with 4xx, {Totals.ServerErrors.Count} 5xx); checking the data");
        var differences = new List<string>();
        foreach (var tenant in model)
        {
            differences.AddRange(await DifferencesAsync(tenant));
        }

        return differences;
    }

    private async Task<TenantAccess> CreateTenantAsync(string prefix)
    {
        var tenantId = $"{prefix}-{Guid.NewGuid():N}"[..30];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/tenants") { Content = Json(new JsonObject { ["tenantId"] = tenantId }.ToJsonString()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await client.SendAsync(request);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var limits = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenantId}/limits") { Content = Json("""{ "requestsPerSecond": 100000, "burst": 100000 }""") };
        limits.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        (await client.SendAsync(limits)).Dispose();
        return new TenantAccess($"/tenants/{tenantId}/scim/v2", created["token"]!.GetValue<string>());
    }

    /// <summary>One acknowledged-or-not valid operation on a model tenant; the model follows only acknowledged ones.</summary>
    private async Task ValidAsync(ModelTenant tenant, Random random)
    {
        switch (random.Next(6))
        {
            case 0 when tenant.Users.Count < MaxUsersPerTenant:
            {
                var name = $"soak.{Guid.NewGuid():N}@contoso.example";
                var reply = await SendAsync(tenant.Access, HttpMethod.Post, "/Users", $$"""{ "userName": "{{name}}", "title": "t0", "emails": [{ "type": "work", "value": "{{name}}" }] }""");
                if (reply.Status == HttpStatusCode.Created)
                {
                    tenant.Users[reply.Json!["id"]!.GetValue<string>()] = "t0";
                }

                break;
            }

            case 1 when tenant.Users.Count > 0:
            {
                var id = tenant.Users.Keys.ElementAt(random.Next(tenant.Users.Count));
                var title = "t" + random.Next(1000);
                var reply = await SendAsync(tenant.Access, HttpMethod.Patch, $"/Users/{id}", $$"""{ "schemas": ["{{HostileInput.PatchOp}}"], "Operations": [{ "op": "Replace", "path": "title", "value": "{{title}}" }] }""");
                if (reply.Status == HttpStatusCode.OK)
                {
                    tenant.Users[id] = title;
                }

                break;
            }

            case 2 when tenant.Users.Count > MaxUsersPerTenant / 2:
            {
                var id = tenant.Users.Keys.ElementAt(random.Next(tenant.Users.Count));
                var reply = await SendAsync(tenant.Access, HttpMethod.Delete, $"/Users/{id}", null);
                if (reply.Status == HttpStatusCode.NoContent)
                {
                    tenant.Users.Remove(id);
                    foreach (var members in tenant.Groups.Values)
                    {
                        members.Remove(id);
                    }
                }

                break;
            }

            case 3 when tenant.Groups.Count < 3:
            {
                var reply = await SendAsync(tenant.Access, HttpMethod.Post, "/Groups", $$"""{ "displayName": "g-{{Guid.NewGuid():N}}" }""");
                if (reply.Status == HttpStatusCode.Created)
                {
                    tenant.Groups[reply.Json!["id"]!.GetValue<string>()] = [];
                }

                break;
            }

            case 4 when tenant.Groups.Count > 0 && tenant.Users.Count > 0:
            {
                var group = tenant.Groups.Keys.ElementAt(random.Next(tenant.Groups.Count));
                var user = tenant.Users.Keys.ElementAt(random.Next(tenant.Users.Count));
                var add = !tenant.Groups[group].Contains(user);
                var operation = add
                    ? $$"""{ "op": "Add", "path": "members", "value": [{ "value": "{{user}}" }] }"""
                    : $$"""{ "op": "remove", "path": "members[value eq \"{{user}}\"]" }""";
                var reply = await SendAsync(tenant.Access, HttpMethod.Patch, $"/Groups/{group}", $$"""{ "schemas": ["{{HostileInput.PatchOp}}"], "Operations": [{{operation}}] }""");
                if (reply.Status == HttpStatusCode.NoContent)
                {
                    _ = add ? tenant.Groups[group].Add(user) : tenant.Groups[group].Remove(user);
                }

                break;
            }

            default:
                if (tenant.Users.Count > 0)
                {
                    var id = tenant.Users.Keys.ElementAt(random.Next(tenant.Users.Count));
                    await SendAsync(tenant.Access, HttpMethod.Get, $"/Users?filter={Uri.EscapeDataString($"id eq \"{id}\"")}", null);
                }

                break;
        }
    }

    /// <summary>
    /// Generated hostile input against a hostile tenant (or a guessed token): anything but a 5xx. What such
    /// input happens to create is deleted again, so the hostile tenants stay small however long the soak.
    /// </summary>
    private async Task HostileAsync(TenantAccess tenant, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                var created = await SendAsync(tenant, HttpMethod.Post, "/Users", HostileInput.ResourceBody.Single());
                if (created.Status == HttpStatusCode.Created)
                {
                    await SendAsync(tenant, HttpMethod.Delete, $"/Users/{created.Json!["id"]!.GetValue<string>()}", null);
                }

                break;
            case 1:
                await SendAsync(tenant, HttpMethod.Patch, $"/Users/{Guid.NewGuid()}", HostileInput.PatchBody.Single());
                break;
            case 2:
                var bulk = await SendAsync(tenant, HttpMethod.Post, "/Bulk", HostileInput.BulkBody.Single());
                foreach (var operation in bulk.Json?["Operations"]?.AsArray() ?? [])
                {
                    if (operation?["status"]?.GetValue<string>() == "201" && operation["location"]?.GetValue<string>() is { } location)
                    {
                        var resource = location.LastIndexOf('/', location.LastIndexOf('/') - 1);
                        await SendAsync(tenant, HttpMethod.Delete, location[resource..], null);
                    }
                }

                break;
            case 3:
                await SendAsync(tenant, HttpMethod.Get, "/Users" + HostileInput.ListQuery.Single(), null);
                break;
            case 4:
                await SendAsync(tenant, HttpMethod.Put, $"/Groups/{Guid.NewGuid()}", HostileInput.ResourceBody.Single());
                break;
            default:
                await SendAsync(tenant with { Token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..12]) + "." + new string('g', 43) }, HttpMethod.Get, "/Users", null);
                break;
        }
    }

    private async Task<(HttpStatusCode Status, JsonNode? Json)> SendAsync(TenantAccess tenant, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, tenant.BasePath + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/scim+json");
        }

        Interlocked.Increment(ref _requests);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            _serverErrors.Add($"{(int)response.StatusCode} {method} {path}: {text[..Math.Min(text.Length, 300)]} (body: {body?[..Math.Min(body.Length, 300)]})");
        }
        else if ((int)response.StatusCode >= 400)
        {
            Interlocked.Increment(ref _refused);
        }

        JsonNode? json = null;
        if (response.IsSuccessStatusCode && text.Length > 0)
        {
            json = JsonNode.Parse(text);
        }

        return (response.StatusCode, json);
    }

    /// <summary>What the service holds against what the acknowledged requests imply.</summary>
    private async Task<IEnumerable<string>> DifferencesAsync(ModelTenant tenant)
    {
        var differences = new List<string>();
        var users = await SendAsync(tenant.Access, HttpMethod.Get, "/Users?count=1000", null);
        var stored = users.Json!["Resources"]?.AsArray().ToDictionary(u => u!["id"]!.GetValue<string>(), u => u!["title"]?.GetValue<string>()) ?? [];
        foreach (var (id, title) in tenant.Users)
        {
            if (!stored.TryGetValue(id, out var storedTitle) || storedTitle != title)
            {
                differences.Add($"{tenant.Access.BasePath} user {id}: expected title {title}, found {(stored.ContainsKey(id) ? storedTitle : "no user")}");
            }
        }

        differences.AddRange(stored.Keys.Except(tenant.Users.Keys).Select(id => $"{tenant.Access.BasePath} user {id} exists but was never acknowledged (or was deleted)"));
        foreach (var (group, members) in tenant.Groups)
        {
            var reply = await SendAsync(tenant.Access, HttpMethod.Get, $"/Groups/{group}", null);
            var storedMembers = reply.Json?["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToHashSet() ?? [];
            if (!storedMembers.SetEquals(members))
            {
                differences.Add($"{tenant.Access.BasePath} group {group}: expected members [{string.Join(", ", members)}], found [{string.Join(", ", storedMembers)}]");
            }
        }

        return differences;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed record TenantAccess(string BasePath, string Token);

    private sealed class ModelTenant(TenantAccess access)
    {
        public TenantAccess Access => access;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public Dictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> Groups { get; } = new(StringComparer.Ordinal);
    }
}
