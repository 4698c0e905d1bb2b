using System.Text.Json.Nodes;
using OrleansScim.Protocol.Listing;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Discovery;

public sealed class ListResponseTests
{
    [Fact]
    public void Build_EmptyResult_IsWhatAzureAdTestConnectionExpects()
    {
        AssertJson(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"itemsPerPage":0,"startIndex":1,"Resources":[]}""",
            ListResponse.Build(0, 1, []),
            "Azure AD test connection: 200 with an empty ListResponse (RFC 7644 §3.4.2)");
    }

    [Fact]
    public void Build_APage_CountsItsResources()
    {
        var resources = new List<JsonNode> { Json("""{"id":"u1"}"""), Json("""{"id":"u2"}""") };

        AssertJson(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":57,"itemsPerPage":2,"startIndex":11,"Resources":[{"id":"u1"},{"id":"u2"}]}""",
            ListResponse.Build(57, 11, resources),
            "RFC 7644 §3.4.2 totalResults is the whole result, itemsPerPage this page");
    }

    [Fact]
    public void Build_CursorPage_CarriesNextCursorWithoutStartIndex()
    {
        AssertJson(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":3,"itemsPerPage":1,"nextCursor":"abc","Resources":[{"id":"u1"}]}""",
            ListResponse.Build(3, 1, [Json("""{"id":"u1"}""")], nextCursor: "abc", includeStartIndex: false),
            "draft-ietf-scim-cursor-pagination nextCursor");
    }

    [Theory]
    [InlineData(57L, 11, null, true)]
    [InlineData(3L, 1, "abc", false)]
    [InlineData(null, 1, "c\u00e9", false)]
    public void Serialize_AroundSerializedResources_WritesTheDocumentBuildDescribes(long? total, int startIndex, string? cursor, bool includeStartIndex)
    {
        string[] resources = ["""{"id":"u1","name":{"givenName":"Zoë"}}""", """{"id":"u2"}"""];

        var serialized = ListResponse.Serialize(total, startIndex, [.. resources.Select(System.Text.Encoding.UTF8.GetBytes)], cursor, includeStartIndex);

        var built = ListResponse.Build(total, startIndex, [.. resources.Select(r => Json(r))], cursor, includeStartIndex);
        Assert.Equal(OrleansScim.Protocol.Resources.ScimJson.SerializeToUtf8(built), serialized);
    }
}
