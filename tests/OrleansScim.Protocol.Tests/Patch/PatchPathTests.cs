using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Patch;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Patch;

public sealed class PatchPathTests
{
    public static TheoryData<string, string, string, string?, string?> Valid => new()
    {
        { "RFC 7644 §3.5.2 attrPath", "title", "title", null, null },
        { "RFC 7644 §3.5.2 attrPath with a sub-attribute", "name.givenName", "name.givenName", null, null },
        { "RFC 7644 §3.5.2 URN-qualified attrPath", "$ENT:department", "$ENT:department", null, null },
        { "RFC 7644 §3.5.2 URN-qualified sub-attribute", "$ENT:manager.value", "$ENT:manager.value", null, null },
        { "RFC 7644 §3.5.2 valuePath", "members[value eq \"u1\"]", "members", "value eq \"u1\"", null },
        { "RFC 7644 §3.5.2 valuePath with subAttr", "emails[type eq \"work\"].value", "emails", "type eq \"work\"", "value" },
        { "RFC 7644 §3.5.2 a ']' inside a quoted filter value", "emails[value eq \"a]b\"].display", "emails", "value eq \"a]b\"", "display" },
        { "RFC 7644 §3.5.2 a '[' and an escaped quote inside a filter value", "emails[value eq \"a[\\\"b\"]", "emails", "value eq \"a[\\\"b\"", null },
        { "RFC 7644 §3.5.2 URN-qualified valuePath", "urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value", "urn:ietf:params:scim:schemas:core:2.0:User:emails", "type eq \"work\"", "value" },
        { "RFC 7644 §3.5.2 a valuePath filter with 'and'", "addresses[type eq \"work\" and primary eq true].locality", "addresses", "type eq \"work\" and primary eq true", "locality" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_SplitsAttributeFilterAndSubAttribute(string rule, string text, string attribute, string? filter, string? subAttribute)
    {
        var path = PatchPath.Parse(Expand(text));

        Assert.True(
            path.Attribute.ToString() == Expand(attribute) && path.FilterText == filter && path.SubAttribute == subAttribute,
            $"{rule}: got '{path.Attribute}' [{path.FilterText}] .{path.SubAttribute}");
    }

    [Theory]
    [InlineData("RFC 7644 §3.5.2 an empty segment", "name..givenName")]
    [InlineData("RFC 7644 §3.5.2 three levels", "name.givenName.first")]
    [InlineData("RFC 7643 §2.1 a name starting with a digit", "1title")]
    [InlineData("RFC 7643 §2.1 a name with a space", "display name")]
    [InlineData("RFC 7644 §3.5.2 an unclosed filter", "emails[type eq \"work\"")]
    [InlineData("RFC 7644 §3.5.2 an empty filter", "emails[]")]
    [InlineData("RFC 7644 §3.5.2 a blank filter", "emails[  ].value")]
    [InlineData("RFC 7644 §3.5.2 text after the filter", "emails[type eq \"work\"]value")]
    [InlineData("RFC 7644 §3.5.2 a second filter", "emails[type eq \"work\"][primary eq true]")]
    [InlineData("RFC 7644 §3.5.2 a filter on a sub-attribute", "name.givenName[value eq \"x\"]")]
    [InlineData("RFC 7644 §3.5.2 two sub-attributes after a filter", "emails[type eq \"work\"].value.x")]
    [InlineData("RFC 7644 §3.10 a colon without a URN", "core:title")]
    public void Parse_RejectsWithInvalidPath(string rule, string text)
    {
        AssertScimError(() => PatchPath.Parse(text), 400, ScimErrorType.InvalidPath, rule);
    }
}
