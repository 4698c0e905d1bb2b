using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Listing;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Schemas;

/// <summary>
/// Entra writes extension attributes without their URN (<c>"path":"manager"</c>): a name the core schema
/// lacks means the extension attribute of that name, the enterprise extension first, then the tenant's
/// registered extensions; two registered extensions defining it make it ambiguous (400 naming both).
/// </summary>
public sealed class UnqualifiedNameTests
{
    private const string Badge = "urn:acme:params:scim:schemas:badge:1.0:User";
    private const string Radio = "urn:acme:params:scim:schemas:radio:1.0:User";

    [Theory]
    [InlineData("manager", "$ENT:manager")]
    [InlineData("manager.value", "$ENT:manager.value")]
    [InlineData("employeeNumber", "$ENT:employeeNumber")]
    [InlineData("DEPARTMENT", "$ENT:department")]
    [InlineData("costCenter", "$ENT:costCenter")]
    [InlineData("organization", "$ENT:organization")]
    [InlineData("division", "$ENT:division")]
    [InlineData("title", "title")]
    public void Resolve_AnUnqualifiedName_MeansTheCoreThenTheEnterpriseAttribute(string name, string canonical)
    {
        Assert.Equal(Expand(canonical), User.Resolve(name)?.CanonicalPath);
    }

    [Fact]
    public void Resolve_AnUnqualifiedNameOfARegisteredExtension_MeansThatExtension()
    {
        var type = Register(Badge, """[{ "name": "badgeNumber" }, { "name": "department" }]""").User;

        Assert.Equal(Badge + ":badgeNumber", type.Resolve("badgeNumber")?.CanonicalPath);
        Assert.Equal(Expand("$ENT:department"), type.Resolve("department")?.CanonicalPath);
        Assert.Null(type.Resolve("favouriteColour"));
    }

    [Fact]
    public void Resolve_ANameTwoRegisteredExtensionsDefine_IsInvalidPathNamingBoth()
    {
        var type = Register(Radio, """[{ "name": "channel" }]""", Register(Badge, """[{ "name": "channel" }, { "name": "department" }]""")).User;

        var error = AssertScimError(() => type.Resolve("channel"), 400, ScimErrorType.InvalidPath, "ambiguous unqualified name");

        Assert.Contains(Badge, error.Detail, StringComparison.Ordinal);
        Assert.Contains(Radio, error.Detail, StringComparison.Ordinal);
        Assert.Equal(Radio + ":channel", type.Resolve(Radio + ":channel")?.CanonicalPath);
        Assert.Equal(Expand("$ENT:department"), type.Resolve("department")?.CanonicalPath);
    }

    [Fact]
    public void ShadowedNames_ListTheNamesCoreOrEnterpriseKeep()
    {
        var schemas = Register(Badge, """[{ "name": "department" }, { "name": "title" }, { "name": "badgeNumber" }]""");

        var shadowed = schemas.User.ShadowedNames(schemas.User.FindExtension(Badge)!);

        Assert.Equal([("department", SchemaUris.EnterpriseUser), ("title", SchemaUris.User)], shadowed.OrderBy(s => s.Name).ToList());
    }

    [Fact]
    public void Patch_EntraDocumentedManagerShape_SetsTheEnterpriseManager()
    {
        var before = Json("""{"userName":"alice"}""");
        var operations = """[{"op":"Add","path":"manager","value":[{"$ref":"https://scim.example/Users/m1","value":"m1"}]}]""";

        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            var after = PatchEngine.Apply(before, PatchBody(operations), User, rules);

            AssertJson("""{"userName":"alice","$ENT":{"manager":{"$ref":"https://scim.example/Users/m1","value":"m1"}}}""", after, $"Entra's manager update ({rules.Policy})");
        }
    }

    [Fact]
    public void Patch_PathlessUnqualifiedKeys_SetTheEnterpriseAttributes()
    {
        var after = PatchEngine.Apply(
            Json("""{"userName":"alice"}"""),
            PatchBody("""[{"op":"replace","value":{"employeeNumber":"42","department":"Sales","manager":"m1"}}]"""),
            User,
            InputRules.Strict());

        AssertJson("""{"userName":"alice","$ENT":{"employeeNumber":"42","department":"Sales","manager":{"value":"m1"}}}""", after, "path-less keys without URN");
    }

    [Fact]
    public void Patch_AnAmbiguousName_IsInvalidPathAndChangesNothing()
    {
        var type = Register(Radio, """[{ "name": "channel" }]""", Register(Badge, """[{ "name": "channel" }]""")).User;

        AssertScimError(() => PatchEngine.Apply(Json("""{"userName":"a"}"""), PatchBody("""[{"op":"replace","path":"channel","value":"7"}]"""), type, InputRules.Tolerant()), 400, ScimErrorType.InvalidPath, "ambiguous in both modes");
    }

    [Fact]
    public void Normalize_AnUnqualifiedEnterpriseName_StoresItUnderTheExtension()
    {
        var attributes = ResourceNormalizer.Normalize(Json("""{"userName":"alice","costCenter":"CC-1","organization":"Contoso"}"""), User, InputRules.Strict());

        AssertJson("""{"userName":"alice","$ENT":{"costCenter":"CC-1","organization":"Contoso"}}""", attributes, "POST body keys without URN");
        var document = ResourceDocument.Compose(User, "u1", attributes, new ResourceMeta("User", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1), null);
        Assert.Contains(SchemaUris.EnterpriseUser, document["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("manager eq \"m1\"", true)]
    [InlineData("manager.value eq \"m1\"", true)]
    [InlineData("department eq \"sales\"", true)]
    [InlineData("employeeNumber eq \"7\"", false)]
    public void Filter_AnUnqualifiedEnterpriseName_MatchesTheExtensionAttribute(string filter, bool expected)
    {
        var alice = Json("""{"userName":"alice","$ENT":{"department":"Sales","manager":{"value":"m1"}}}""");

        Assert.Equal(expected, ScimFilter.Parse(filter, User).Matches(alice));
    }

    [Fact]
    public void Filter_AnAmbiguousName_IsInvalidFilter()
    {
        var type = Register(Radio, """[{ "name": "channel" }]""", Register(Badge, """[{ "name": "channel" }]""")).User;

        var error = AssertScimError(() => ScimFilter.Parse("channel eq \"7\"", type), 400, ScimErrorType.InvalidFilter, "ambiguous name in a filter");

        Assert.Contains(Badge, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SortBy_AnUnqualifiedName_SortsByTheExtensionAttribute()
    {
        var sort = SortSpec.Create(User, "department", null)!;

        Assert.Equal("\"Sales\"", sort.KeyOf(Json("""{"userName":"a","$ENT":{"department":"Sales"}}""")));
    }

    [Fact]
    public void Attributes_AnUnqualifiedName_SelectsTheExtensionAttribute()
    {
        var document = Json(ProjectionCasesDocument);

        var included = AttributeProjection.Create(User, "manager", null, InputRules.Strict()).Apply(document);
        var excluded = AttributeProjection.Create(User, null, "department", InputRules.Strict()).Apply(document);

        AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","$ENT":{"manager":{"value":"m1"}}}""", included, "attributes=manager");
        AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","userName":"alice","$ENT":{"manager":{"value":"m1"}}}""", excluded, "excludedAttributes=department");
    }

    private const string ProjectionCasesDocument = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","userName":"alice",
         "$ENT":{"department":"Sales","manager":{"value":"m1"}}}
        """;

    private static ScimSchemaSet Register(string urn, string attributes, ScimSchemaSet? schemas = null)
    {
        var body = JsonNode.Parse($$"""{ "resourceType": "User", "attributes": {{attributes}} }""")!.AsObject();
        var registration = SchemaExtensionRegistration.Parse(urn, body);
        return (schemas ?? ScimSchemaSet.Default).WithExtension(registration.ResourceType, registration.Schema, registration.Required);
    }
}
