using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

public sealed class ResourceDocumentTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 31, 12, 0, 0, 250, TimeSpan.Zero);

    private static readonly DateTimeOffset Modified = new(2026, 2, 1, 9, 30, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Compose_ListsCoreAndEveryPresentExtensionInSchemas()
    {
        var attributes = Json("""{"userName":"alice","$ENT":{"department":"Sales"},"$GTU":{"label1":"A"}}""");

        var document = ResourceDocument.Compose(User, "u1", attributes, new ResourceMeta("User", Created, Modified, 3), "https://scim.example/Users/u1");

        AssertJson(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "id":"u1","userName":"alice","$ENT":{"department":"Sales"},"$GTU":{"label1":"A"},
             "meta":{"resourceType":"User","created":"2026-01-31T12:00:00.250Z","lastModified":"2026-02-01T07:30:00.000Z",
                     "location":"https://scim.example/Users/u1","version":"W/\"3\""}}
            """,
            document,
            "RFC 7643 §3 schemas, id and meta (created/lastModified in UTC, version a weak ETag, RFC 7644 §3.14)");
    }

    [Fact]
    public void Compose_WithoutLocation_OmitsIt_AndSetLocationAddsIt()
    {
        var document = ResourceDocument.Compose(Group, "g1", Json("""{"displayName":"Team"}"""), new ResourceMeta("Group", Created, Created, 1), location: null);

        AssertJson(
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Team","meta":{"resourceType":"Group","created":"2026-01-31T12:00:00.250Z","lastModified":"2026-01-31T12:00:00.250Z","version":"W/\"1\""}}""",
            document,
            "RFC 7643 §3.1 meta.location is optional");

        ResourceDocument.SetLocation(document, "https://scim.example/Groups/g1");

        Assert.Equal("https://scim.example/Groups/g1", document["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public void Compose_DoesNotShareNodesWithTheAttributes()
    {
        var attributes = Json("""{"userName":"alice","name":{"givenName":"Alice"}}""");

        var document = ResourceDocument.Compose(User, "u1", attributes, new ResourceMeta("User", Created, Created, 1), null);
        document["name"]!["givenName"] = "Changed";

        AssertJson("""{"userName":"alice","name":{"givenName":"Alice"}}""", attributes, "the stored attributes stay as they are");
    }

    [Theory]
    [InlineData(1L, "W/\"1\"")]
    [InlineData(42L, "W/\"42\"")]
    [InlineData(long.MaxValue, "W/\"9223372036854775807\"")]
    public void FormatETag_IsAWeakEntityTag(long version, string expected)
    {
        Assert.Equal(expected, ResourceMeta.FormatETag(version));
        Assert.Equal(expected, new ResourceMeta("User", Created, Created, version).ETag);
    }

    [Fact]
    public void ScimDateTime_FormatsUtcWithMilliseconds_AndParsesWithoutOffsetAsUtc()
    {
        Assert.Equal("2026-02-01T07:30:00.000Z", ScimDateTime.Format(Modified));
        Assert.True(ScimDateTime.TryParse("2026-01-31T12:00:00", out var instant));
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.False(ScimDateTime.TryParse("not a date", out _));
    }
}
