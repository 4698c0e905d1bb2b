using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tests;

/// <summary>Per-tenant extension schemas: stored by the tenant grain, served by every silo's schema catalog.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantSchemaTests(ClusterFixture fixture)
{
    private const string Urn = "urn:acme:params:scim:2.0:Badge";

    private const string Badge = """{ "resourceType": "User", "attributes": [{ "name": "number", "required": true }, { "name": "level", "type": "integer" }] }""";

    [Fact]
    public async Task RegisteringAnExtension_IsSeenByTheCatalogOfEverySilo_OnTheNextLookup()
    {
        var (tenant, tenantKey) = await CreateTenantAsync();
        var catalogs = Catalogs();
        foreach (var catalog in catalogs)
        {
            // Cache the built-in set first, so the change must clear it.
            Assert.Same(ScimSchemaSet.Default, await catalog.GetAsync(tenantKey));
        }

        var result = await tenant.PutSchemaExtensionAsync(Urn, Badge);

        Assert.Equal(200, result.Status);
        foreach (var catalog in catalogs)
        {
            var schemas = await catalog.GetAsync(tenantKey);
            Assert.NotNull(schemas.User.FindExtension(Urn));
            Assert.Null(schemas.Group.FindExtension(Urn));
        }
    }

    [Fact]
    public async Task Settings_RejectUndeclaredExtensions_ReachTheSchemaSetOfEverySilo()
    {
        var (tenant, tenantKey) = await CreateTenantAsync();
        foreach (var catalog in Catalogs())
        {
            Assert.False((await catalog.GetAsync(tenantKey)).RejectUndeclaredExtensions);
        }

        Assert.Equal(new TenantSettings(true), await tenant.ChangeSettingsAsync(new TenantSettingsChange(RejectUndeclaredExtensions: true)));

        foreach (var catalog in Catalogs())
        {
            Assert.True((await catalog.GetAsync(tenantKey)).RejectUndeclaredExtensions);
        }
    }

    [Fact]
    public async Task RemovingAnExtension_TakesItOutOfTheSchemaSet()
    {
        var (tenant, tenantKey) = await CreateTenantAsync();
        await tenant.PutSchemaExtensionAsync(Urn, Badge);
        Assert.NotNull((await Catalogs()[0].GetAsync(tenantKey)).User.FindExtension(Urn));

        Assert.True(await tenant.DeleteSchemaExtensionAsync(Urn.ToUpperInvariant()));

        Assert.Same(ScimSchemaSet.Default, await Catalogs()[0].GetAsync(tenantKey));
        Assert.False(await tenant.DeleteSchemaExtensionAsync(Urn));
    }

    [Fact]
    public async Task Extensions_SurviveDeactivationOfTheTenantGrain()
    {
        var (tenant, _) = await CreateTenantAsync();
        await tenant.PutSchemaExtensionAsync(Urn, Badge);
        await tenant.ChangeSettingsAsync(new TenantSettingsChange(RejectUndeclaredExtensions: true));

        await fixture.Cluster.DeactivateAsync(tenant);

        var configuration = await tenant.GetSchemaConfigurationAsync();
        Assert.Equal(Urn, Assert.Single(configuration.Extensions).Urn);
        Assert.True(configuration.Settings.RejectUndeclaredExtensions);
    }

    [Fact]
    public async Task RecreatedTenant_StartsWithTheBuiltInSchemas()
    {
        var (tenant, _) = await CreateTenantAsync();
        await tenant.PutSchemaExtensionAsync(Urn, Badge);
        await tenant.ChangeSettingsAsync(new TenantSettingsChange(RejectUndeclaredExtensions: true));
        await tenant.DeleteAsync();

        var again = (await tenant.CreateAsync())!;

        Assert.Same(ScimSchemaSet.Default, await Catalogs()[1].GetAsync(again.TenantKey));
        Assert.Empty((await tenant.GetSchemaConfigurationAsync()).Extensions);
    }

    [Fact]
    public async Task ARetiredKeySpace_GetsTheBuiltInSchemas()
    {
        var (tenant, tenantKey) = await CreateTenantAsync();
        await tenant.PutSchemaExtensionAsync(Urn, Badge);
        await tenant.DeleteAsync();
        await tenant.CreateAsync();

        Assert.Same(ScimSchemaSet.Default, await Catalogs()[0].GetAsync(tenantKey));
    }

    [Fact]
    public async Task InvalidRegistration_Is400WithADetail_AndChangesNothing()
    {
        var (tenant, tenantKey) = await CreateTenantAsync();

        var result = await tenant.PutSchemaExtensionAsync(Urn, """{ "resourceType": "User", "attributes": [{ "name": "x", "type": "varchar" }] }""");

        Assert.Equal(400, result.Status);
        Assert.Contains("'varchar' is not a valid type", result.Detail, StringComparison.Ordinal);
        Assert.Null(result.Extension);
        Assert.Same(ScimSchemaSet.Default, await Catalogs()[0].GetAsync(tenantKey));
        Assert.Equal(400, (await tenant.PutSchemaExtensionAsync(Urn, "{ not json")).Status);
    }

    [Fact]
    public async Task OverlappingUrns_Are409()
    {
        var (tenant, _) = await CreateTenantAsync();
        await tenant.PutSchemaExtensionAsync(Urn, Badge);

        var result = await tenant.PutSchemaExtensionAsync(Urn + ":Extra", Badge);

        Assert.Equal(409, result.Status);
        Assert.Contains(Urn, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReRegistering_ReplacesTheSchemaInPlace()
    {
        var (tenant, tenantKey) = await CreateTenantAsync();
        await tenant.PutSchemaExtensionAsync(Urn, Badge);
        await tenant.PutSchemaExtensionAsync("urn:acme:other", Badge);

        await tenant.PutSchemaExtensionAsync(Urn, """{ "resourceType": "Group", "attributes": [{ "name": "room" }] }""");

        var configuration = await tenant.GetSchemaConfigurationAsync();
        Assert.Equal([Urn, "urn:acme:other"], configuration.Extensions.Select(e => e.Urn));
        var schemas = await Catalogs()[1].GetAsync(tenantKey);
        Assert.NotNull(schemas.Group.FindExtension(Urn)!.FindAttribute("room"));
        Assert.Null(schemas.User.FindExtension(Urn));
    }

    [Fact]
    public async Task AMissingTenant_Is404AndHasNoSettings()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("nobody-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(404, (await tenant.PutSchemaExtensionAsync(Urn, Badge)).Status);
        Assert.Null(await tenant.ChangeSettingsAsync(new TenantSettingsChange(RejectUndeclaredExtensions: true)));
        Assert.Null((await tenant.GetSchemaConfigurationAsync()).TenantKey);
    }

    [Fact]
    public async Task TheNumberOfExtensions_IsBounded()
    {
        var (tenant, _) = await CreateTenantAsync();
        for (var i = 0; i < TenantGrain.MaxSchemaExtensions; i++)
        {
            Assert.Equal(200, (await tenant.PutSchemaExtensionAsync($"urn:acme:ext{i}:User", Badge)).Status);
        }

        Assert.Equal(400, (await tenant.PutSchemaExtensionAsync("urn:acme:one-too-many:User", Badge)).Status);
        Assert.Equal(200, (await tenant.PutSchemaExtensionAsync("urn:acme:ext0:User", Badge)).Status);
    }

    private async Task<(ITenantGrain Tenant, string TenantKey)> CreateTenantAsync()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("schemas-" + Guid.NewGuid().ToString("N")[..8]);
        var created = (await tenant.CreateAsync())!;
        return (tenant, created.TenantKey);
    }

    private List<ITenantSchemaCatalog> Catalogs() =>
        [.. fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ITenantSchemaCatalog>())];
}
