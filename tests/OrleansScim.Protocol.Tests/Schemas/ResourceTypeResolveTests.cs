using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Schemas;

public sealed class ResourceTypeResolveTests
{
    /// <summary>(rule, type, path, canonical path or null when unknown, undeclared).</summary>
    public static TheoryData<string, string, string, string?, bool> Paths => new()
    {
        { "RFC 7643 §4.1 a core attribute", "User", "userName", "userName", false },
        { "RFC 7643 §2.1 names are case-insensitive", "User", "USERNAME", "userName", false },
        { "RFC 7643 §3.1 a common attribute", "User", "externalId", "externalId", false },
        { "RFC 7643 §3.1 id is common to every resource type", "Group", "id", "id", false },
        { "RFC 7643 §3.1 meta sub-attribute", "Group", "meta.lastModified", "meta.lastModified", false },
        { "RFC 7643 §4.1 a sub-attribute", "User", "name.givenName", "name.givenName", false },
        { "RFC 7644 §3.10 a core-URN-qualified attribute", "User", "urn:ietf:params:scim:schemas:core:2.0:User:userName", "userName", false },
        { "RFC 7643 §4.3 an enterprise attribute", "User", "$ENT:department", "$ENT:department", false },
        { "RFC 7643 §2.1 an enterprise URN in another case", "User", "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Manager.Value", "$ENT:manager.value", false },
        { "undeclared vendor extension attribute", "User", "$GTU:label1", "$GTU:label1", true },
        { "undeclared vendor extension whose URN has a version segment", "User", "urn:acme:ext:1.0:tier", "urn:acme:ext:1.0:tier", true },
        { "RFC 7643 §4.1 an unknown attribute", "User", "favouriteColour", null, false },
        { "RFC 7643 §4.1 an unknown sub-attribute", "User", "name.nick", null, false },
        { "RFC 7643 §4.2 a User attribute on a Group", "Group", "userName", null, false },
        { "RFC 7643 §4.3 the enterprise extension is not on Groups by default; its URN is then a vendor one", "Group", "$ENT:department", "$ENT:department", true },
        { "RFC 7643 §4.3 an unknown enterprise attribute", "User", "$ENT:favouriteColour", null, false },
        { "RFC 7643 §4.3 a URN continuing the enterprise URN is no new extension", "User", "$ENT:manager:value", null, false },
        { "RFC 7643 §3 a URN continuing the core URN is no new extension", "User", "urn:ietf:params:scim:schemas:core:2.0:User:name:givenName", null, false },
        { "RFC 7643 §3 a typo in the IETF core namespace", "User", "urn:ietf:params:scim:schemas:core:2.0:Usr:userName", null, false },
        { "RFC 7643 §3 another resource type's core schema", "User", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName", null, false },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Resolve_FindsTheAttributeOrNothing(string rule, string type, string path, string? canonical, bool undeclared)
    {
        var resolved = TypeOf(type).Resolve(Expand(path));

        if (canonical is null)
        {
            Assert.True(resolved is null, $"{rule}: '{path}' should not resolve, got {resolved?.CanonicalPath}");
            return;
        }

        Assert.True(resolved is not null, $"{rule}: '{path}' should resolve");
        Assert.True(resolved.CanonicalPath == Expand(canonical) && resolved.IsUndeclared == undeclared, $"{rule}: got {resolved.CanonicalPath} undeclared={resolved.IsUndeclared}");
    }

    [Theory]
    [InlineData("vendor extension", "$GTU", true)]
    [InlineData("vendor extension with a version segment", "urn:acme:ext:1.0", true)]
    [InlineData("registered extension", "$ENT", false)]
    [InlineData("the type's core schema", "urn:ietf:params:scim:schemas:core:2.0:User", false)]
    [InlineData("the reserved core namespace", "urn:ietf:params:scim:schemas:core:2.0:Group", false)]
    [InlineData("a continuation of a registered URN", "$ENT:manager", false)]
    [InlineData("not a URN", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group", false)]
    public void AllowsUndeclaredSchema_OnlyForVendorUrns(string rule, string uri, bool expected)
    {
        Assert.True(expected == User.AllowsUndeclaredSchema(Expand(uri)), rule);
    }

    [Fact]
    public void WithExtension_RegistersASchemaForOneResourceType()
    {
        var schema = new SchemaDefinition(GroupTalkUser, "GroupTalk", "Push-to-talk labels", [new AttributeDefinition { Name = "label1" }]);

        var set = ScimSchemaSet.Default.WithExtension("user", schema, required: false);

        Assert.False(set.User.Resolve(GroupTalkUser + ":label1")!.IsUndeclared);
        Assert.Null(set.User.Resolve(GroupTalkUser + ":label9"));
        Assert.Empty(set.Group.Extensions);
        Assert.Equal(2, set.User.Extensions.Count);
        Assert.Equal(2, set.WithExtension("User", schema, required: true).User.Extensions.Count);
        Assert.True(set.User.IsUserType);
        Assert.False(set.Group.IsUserType);
    }
}
