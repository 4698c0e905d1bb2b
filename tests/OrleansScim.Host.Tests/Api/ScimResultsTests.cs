using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Tests.Api;

/// <summary>The one place the grains' domain results become status codes, ETag, Location and bodies.</summary>
public sealed class ScimResultsTests
{
    private const string Base = "https://scim.test/scim/v2";
    private static readonly byte[] Document = """{"id":"u 1"}"""u8.ToArray();

    [Theory]
    [InlineData(ResourceOutcome.Created, 201, true, true)]
    [InlineData(ResourceOutcome.Found, 200, true, false)]
    [InlineData(ResourceOutcome.ChangedQuietly, 204, false, false)]
    [InlineData(ResourceOutcome.NotModified, 304, false, false)]
    public void EachOutcome_HasItsStatus_TheVersionAsETag_AndLocationOnlyWhenCreated(ResourceOutcome outcome, int status, bool hasBody, bool hasLocation)
    {
        var response = ScimResults.From(new ResourceResult { Outcome = outcome, Version = "W/\"3\"", Document = hasBody ? Document : null }, Base, "Users", "u 1");

        Assert.Equal(status, response.Status);
        Assert.Equal("W/\"3\"", response.ETag);
        Assert.Equal(hasBody ? Document : null, response.Body);
        Assert.Equal(hasLocation ? Base + "/Users/u%201" : null, response.Location);
    }

    [Fact]
    public void ADelete_Is204_WithoutETag()
    {
        var response = ScimResults.From(new ResourceResult { Outcome = ResourceOutcome.Deleted }, Base, "Groups", "g1");

        Assert.Equal(204, response.Status);
        Assert.Null(response.ETag);
        Assert.Null(response.Body);
    }

    [Fact]
    public void AProblem_IsTheScimErrorBody_WithItsStatus()
    {
        var response = ScimResults.From(new ResourceResult { Outcome = ResourceOutcome.Refused, Problem = new ScimProblem(409, "uniqueness", "taken") }, Base, "Users", "u1");

        Assert.Equal(409, response.Status);
        var error = JsonNode.Parse(response.Body!)!;
        Assert.Equal("409", error["status"]!.GetValue<string>());
        Assert.Equal("uniqueness", error["scimType"]!.GetValue<string>());
        Assert.Equal("taken", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public void APage_IsWrittenAsAListResponse_AroundItsResources()
    {
        var page = new ListResult { TotalResults = 7, StartIndex = 3, Resources = [Document] };

        var response = ScimResults.From(page);

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":7,"itemsPerPage":1,"startIndex":3,"Resources":[{"id":"u 1"}]}""",
            System.Text.Encoding.UTF8.GetString(response.Body!));
    }
}
