using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

public sealed class AttributeProjectionTests
{
    public static TheoryData<string, string, string?, string?, string> Cases => ProjectionCases.Cases;

    public static TheoryData<string, string?, string?, bool> IncludesMembers => ProjectionCases.IncludesMembers;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ReturnsTheRequestedAttributes(string rule, string type, string? attributes, string? excludedAttributes, string expected)
    {
        var document = Json(type == "User" ? ProjectionCases.AliceDocument : ProjectionCases.TeamDocument);
        var before = document.ToJsonString();
        var projection = AttributeProjection.Create(TypeOf(type), Expand(attributes), Expand(excludedAttributes), InputRules.Strict());

        var projected = projection.Apply(document);

        AssertJson(expected, projected, rule);
        Assert.Equal(before, document.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(IncludesMembers))]
    public void Includes_TellsWhetherMembersAreReturned(string rule, string? attributes, string? excludedAttributes, bool expected)
    {
        var projection = AttributeProjection.Create(Group, attributes, excludedAttributes, InputRules.Strict());

        Assert.True(expected == projection.Includes("members"), rule);
        Assert.True(expected == projection.Apply(Json(ProjectionCases.TeamDocument)).ContainsKey("members"), rule + " (Apply agrees)");
    }

    [Theory]
    [InlineData("RFC 7644 §3.4.2.5 no parameters", null, null, true)]
    [InlineData("RFC 7644 §3.4.2.5 blank parameters", "", "  ", true)]
    [InlineData("RFC 7644 §3.4.2.5 attributes given", "userName", null, false)]
    [InlineData("RFC 7644 §3.4.2.5 excludedAttributes given", null, "emails", false)]
    public void IsDefault_OnlyWithoutParameters(string rule, string? attributes, string? excludedAttributes, bool expected)
    {
        Assert.True(expected == AttributeProjection.Create(User, attributes, excludedAttributes, InputRules.Strict()).IsDefault, rule);
    }

    [Fact]
    public void Default_ReturnsEverythingButNeverReturnedAttributes()
    {
        var projection = AttributeProjection.Default(User);

        var projected = projection.Apply(Json(ProjectionCases.AliceDocument));

        Assert.True(projection.IsDefault);
        Assert.False(projected.ContainsKey("password"), "RFC 7643 §7 password is returned=never");
        Assert.True(projected.ContainsKey("emails"));
        Assert.True(projection.Includes("userName"));
        Assert.False(projection.Includes("password"));
        Assert.False(projection.Includes("favouriteColour"));
    }
}
