using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansScim.Grains;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>
/// Index entries stored under the old key scheme (upper-cased readable values, before names were
/// normalized and keys hashed) are never orphaned: a resource moves its entries when it is next
/// activated, and <c>POST /admin/tenants/{id}/reindex</c> moves every resource of a tenant at once.
/// </summary>
[Collection(ReactivationScimHostCollection.Name)]
public sealed class IndexMigrationTests(ReactivationScimHostFactory host)
{
    [Fact]
    public async Task LegacyEntries_AreMovedByReindex_AndOnActivation()
    {
        var tenant = await host.CreateTenantAsync("legacy");
        var viaReindex = await tenant.CreateAsync("Users", """{ "userName": " Ｌegacy.One ", "emails": [{ "type": "work", "value": "one@contoso.example" }] }""");
        var viaActivation = await tenant.CreateAsync("Users", """{ "userName": "legacy.two" }""");
        var tenantKey = (await Grains.GetGrain<ITenantGrain>(tenant.TenantId).GetSchemaConfigurationAsync()).TenantKey!;
        await host.DeactivateAllGrainsAsync();
        await MakeLegacyAsync(tenantKey, viaReindex, " Ｌegacy.One ", "one@contoso.example");
        await MakeLegacyAsync(tenantKey, viaActivation, "legacy.two", null);

        // Under the old keys nothing is found by the index: this is what reindexing repairs.
        await tenant.AssertNoMatchAsync("Users", "userName eq \"legacy.one\"");

        using var admin = host.CreateAdminClient();
        using var reindex = await admin.PostAsync($"/admin/tenants/{tenant.TenantId}/reindex", null);
        Assert.Equal(HttpStatusCode.OK, reindex.StatusCode);
        JsonAssert.Contains("""{ "users": 2, "groups": 0 }""", await reindex.Content.ReadFromJsonAsync<JsonObject>());
        Assert.Equal(viaReindex, (await tenant.FindOneAsync("Users", "userName eq \"legacy.one\""))["id"]!.GetValue<string>());
        Assert.Equal(viaReindex, (await tenant.FindOneAsync("Users", "emails.value eq \"ONE@contoso.example\""))["id"]!.GetValue<string>());
        Assert.Empty(await Indexes.GetOwnersAsync(GrainKeys.LegacyIndex(tenantKey, IndexNames.UserName, " ＬEGACY.ONE ")));
        (await tenant.PostAsync("/Users", """{ "userName": "LEGACY.ONE" }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");

        await host.DeactivateAllGrainsAsync();
        await MakeLegacyAsync(tenantKey, viaActivation, "legacy.two", null);
        await tenant.GetResourceAsync("Users", viaActivation);
        Assert.Equal(viaActivation, (await tenant.FindOneAsync("Users", "userName eq \"LEGACY.TWO\""))["id"]!.GetValue<string>());
    }

    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    private IndexStore Indexes => host.Services.GetRequiredService<IndexStore>();

    /// <summary>Rewrites a (deactivated) user as data written before the current index keys: version 0 state, old-style entries.</summary>
    private async Task MakeLegacyAsync(string tenantKey, string id, string userName, string? email)
    {
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var grainId = Grains.GetGrain<IUserGrain>(GrainKeys.Resource(tenantKey, id)).GetGrainId();
        var state = new GrainState<ResourceState>(new ResourceState());
        await storage.ReadStateAsync("user", grainId, state);
        state.State!.IndexVersion = 0;
        await storage.WriteStateAsync("user", grainId, state);

        await Indexes.ReleaseAsync(GrainKeys.Index(tenantKey, IndexNames.UserName, OrleansScim.Protocol.Resources.IdentityKey.Of(userName)), id);
        await Indexes.ClaimAsync(GrainKeys.LegacyIndex(tenantKey, IndexNames.UserName, IndexMigration.LegacyFold(userName)), id);
        if (email is not null)
        {
            await Indexes.ReleaseAsync(GrainKeys.Index(tenantKey, IndexNames.UserEmail, OrleansScim.Protocol.Resources.IdentityKey.Of(email)), id);
            await Indexes.AddAsync(GrainKeys.LegacyIndex(tenantKey, IndexNames.UserEmail, IndexMigration.LegacyFold(email)), id);
        }
    }
}
