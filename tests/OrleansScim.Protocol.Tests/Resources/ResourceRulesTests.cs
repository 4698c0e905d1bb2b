using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>The pure SCIM rules the resource grains apply: ETag preconditions, immutable attributes on PUT, a group's member list.</summary>
public sealed class ResourceRulesTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("*", true)]
    [InlineData("W/\"3\"", true)]
    [InlineData("\"3\"", true)] // weak comparison (RFC 7232 §2.3.2): a strong tag matches its weak twin
    [InlineData("W/\"1\", W/\"3\"", true)]
    [InlineData("W/\"1\",W/\"2\"", false)]
    [InlineData("W/\"30\"", false)]
    [InlineData("W/\"1\" ,  W/\"3\"", true)] // list whitespace and empty elements (RFC 7230 §7)
    [InlineData("W/\"1\",,W/\"3\"", true)]
    [InlineData("W/\"3,4\"", false)] // one quoted tag that contains a comma, not "3" and "4"
    [InlineData("3", false)] // not an entity-tag
    public void IfMatch_UsesWeakComparison_OverAList(string? header, bool matches) =>
        Assert.Equal(matches, ETags.Matches(header, "W/\"3\""));

    [Fact]
    public void Put_MayNotChangeAnImmutableValue_ButMaySetItOnceOrKeepIt()
    {
        var badge = new SchemaDefinition("urn:example:badge", "Badge", "", [new AttributeDefinition { Name = "badgeId", Mutability = Mutability.Immutable }]);
        var user = ScimSchemaSet.Default.WithExtension("User", badge, required: false).User;
        JsonObject With(string? badgeId) => badgeId is null
            ? new JsonObject { ["userName"] = "a" }
            : new JsonObject { ["userName"] = "a", ["urn:example:badge"] = new JsonObject { ["badgeId"] = badgeId } };

        ImmutableAttributes.EnsureUnchanged(user, With(null), With("B-1"));
        ImmutableAttributes.EnsureUnchanged(user, With("B-1"), With("B-1"));
        var changed = Assert.Throws<ScimException>(() => ImmutableAttributes.EnsureUnchanged(user, With("B-1"), With("B-2")));
        Assert.Equal(ScimErrorType.Mutability, changed.ScimType);
        Assert.Contains("urn:example:badge:badgeId", changed.Message, StringComparison.Ordinal);
        Assert.Throws<ScimException>(() => ImmutableAttributes.EnsureUnchanged(user, With("B-1"), With(null)));
    }

    [Fact]
    public void Members_AreReadByValue_ListedTwiceIsOneMember_AndTheLastRemovedTakesTheAttributeAway()
    {
        var group = JsonNode.Parse("""{"displayName":"g","members":[{"value":"u1","type":"User"},{"value":"g2","type":"Group"},{"value":"u1","display":"again"}]}""")!.AsObject();

        var members = GroupMembers.Read(group);
        Assert.Equal(["u1", "g2"], members.Keys);
        Assert.Equal("Group", members["g2"].Type);

        GroupMembers.Deduplicate(group);
        Assert.Equal(2, group["members"]!.AsArray().Count);
        Assert.Null(group["members"]![0]!["display"]);

        Assert.True(GroupMembers.Remove(group, "u1"));
        Assert.False(GroupMembers.Remove(group, "u1"));
        Assert.True(GroupMembers.Remove(group, "g2"));
        Assert.False(group.ContainsKey("members"));
    }
}
