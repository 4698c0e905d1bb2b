using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Grains.Tests;

/// <summary>Resource grains validate against the tenant's registered extensions as soon as they are registered.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExtensionValidationTests(ClusterFixture fixture)
{
    private const string Urn = "urn:acme:params:scim:2.0:Badge";

    [Fact]
    public async Task AfterRegistration_ValuesAreTypedAndRequiredAttributesEnforced_AndFiltersWork()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("ext-" + Guid.NewGuid().ToString("N")[..8]);
        var scim = new Scim(fixture.Grains, (await tenant.CreateAsync())!.TenantKey);
        // Before registration the URN is an undeclared vendor extension: stored as sent.
        await scim.CreateUserAsync("before", $$""","{{Urn}}":{"level":"high"}""");

        await tenant.PutSchemaExtensionAsync(Urn, """{ "resourceType": "User", "attributes": [{ "name": "number", "required": true }, { "name": "level", "type": "integer" }] }""");

        var wrongType = await scim.User(Guid.NewGuid().ToString()).CreateAsync(Scim.Request($$$"""{"userName":"x","{{{Urn}}}":{"number":"1","level":"high"}}"""));
        Assert.Equal(400, wrongType.Problem?.Status);
        Assert.Equal("invalidValue", wrongType.Problem?.ScimType);
        var missing = await scim.User(Guid.NewGuid().ToString()).CreateAsync(Scim.Request($$$"""{"userName":"y","{{{Urn}}}":{"level":2}}"""));
        Assert.Equal(400, missing.Problem?.Status);
        var id = await scim.CreateUserAsync("z", $$""","{{Urn}}":{"number":"B-7","level":"2"}""");
        var list = await scim.ListAsync(ResourceTypeNames.User, $"{Urn}:level ge 2");
        Assert.Equal(id, Assert.Single(list["Resources"]!.AsArray())!["id"]!.GetValue<string>());
    }
}
