using System.Text.Json.Nodes;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Filters.FilterFixtures;

namespace OrleansScim.Protocol.Tests.Filters;

public sealed class ValueFilterTests
{
    private static ValueFilter Create(string filter, string attribute, ResourceTypeDefinition? type = null) =>
        ScimFilter.CreateValueFilter(FilterParser.Parse(filter), (type ?? User).Resolve(attribute)!);

    private static JsonNode Element(string json) => JsonNode.Parse(json)!;

    [Theory]
    [InlineData("type eq \"work\"", "{\"type\":\"Work\",\"value\":\"a@x\"}", true)]
    [InlineData("type eq \"work\"", "{\"type\":\"home\",\"value\":\"a@x\"}", false)]
    [InlineData("type eq \"work\" and primary eq true", "{\"type\":\"work\",\"primary\":true}", true)]
    [InlineData("type eq \"work\" and primary eq true", "{\"type\":\"work\"}", false)]
    [InlineData("primary eq \"True\"", "{\"primary\":true}", true)]
    [InlineData("value pr", "{\"value\":\"\"}", false)]
    [InlineData("not (type eq \"home\")", "{\"type\":\"work\"}", true)]
    [InlineData("value ew \"@contoso.com\" or display eq \"x\"", "{\"value\":\"a@CONTOSO.com\"}", true)]
    public void Matches_EvaluatesTheFilterAgainstOneEmail(string filter, string element, bool expected)
    {
        Assert.Equal(expected, Create(filter, "emails").Matches(Element(element)));
    }

    [Fact]
    public void Matches_MembersValueIsCaseExact()
    {
        var filter = Create("value eq \"u1\"", "members", Group);

        Assert.True(filter.Matches(Element("{\"value\":\"u1\"}")));
        Assert.False(filter.Matches(Element("{\"value\":\"U1\"}")));
    }

    [Fact]
    public void Matches_ElementThatIsNotAnObject_DoesNotMatch()
    {
        var filter = Create("value eq \"x\"", "emails");

        Assert.False(filter.Matches(JsonValue.Create("x")));
        Assert.False(filter.Matches(null));
        Assert.False(filter.Matches(new JsonArray()));
    }

    [Fact]
    public void Matches_UndeclaredExtensionAttribute_ComparesByJsonKindIgnoringCase()
    {
        var filter = Create("kind eq \"A\" and rank gt 2", GroupTalk + ":badges");

        Assert.True(filter.Matches(Element("{\"kind\":\"a\",\"rank\":3}")));
        Assert.False(filter.Matches(Element("{\"kind\":\"a\",\"rank\":1}")));
    }

    [Theory]
    [InlineData("foo eq \"x\"")]
    [InlineData("urn:x:y eq \"x\"")]
    [InlineData("type.x eq \"x\"")]
    [InlineData("primary gt true")]
    [InlineData("emails[type eq \"work\"]")]
    public void CreateValueFilter_RejectsBadInnerFilterWithInvalidFilter(string filter)
    {
        var node = FilterParser.Parse(filter);

        AssertInvalidFilter(() => ScimFilter.CreateValueFilter(node, User.Resolve("emails")!));
    }

    [Fact]
    public void CreateValueFilter_OnSimpleAttribute_IsInvalidFilter()
    {
        AssertInvalidFilter(() => Create("value eq \"x\"", "userName"));
    }

    [Fact]
    public void CreateValueFilter_OnSubAttributePath_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Create("value eq \"x\"", "emails.value"));
    }

    [Fact]
    public void CreateValueFilter_RejectsTreesBeyondTheNodeLimit()
    {
        FilterNode node = new PresenceNode(new AttributePath(null, "value", null));
        for (var i = 0; i < FilterOptions.DefaultMaxNodes; i++)
        {
            node = new NotNode(node);
        }

        AssertInvalidFilter(() => ScimFilter.CreateValueFilter(node, User.Resolve("emails")!));
    }
}
