using System.Text;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

public sealed class ScimJsonTests
{
    [Theory]
    [InlineData("RFC 7644 §3.12 an empty body is invalidSyntax", "")]
    [InlineData("RFC 7644 §3.12 a blank body is invalidSyntax", "  \r\n ")]
    [InlineData("RFC 7644 §3.12 malformed JSON is invalidSyntax", "{\"userName\":")]
    [InlineData("RFC 7644 §3.12 trailing commas are invalidSyntax", "{\"userName\":\"a\",}")]
    [InlineData("RFC 7644 §3.12 comments are invalidSyntax", "{/* c */\"userName\":\"a\"}")]
    [InlineData("RFC 7644 §3.12 an array body is invalidSyntax", "[{\"userName\":\"a\"}]")]
    [InlineData("RFC 7644 §3.12 a string body is invalidSyntax", "\"userName\"")]
    [InlineData("RFC 7644 §3.12 a null body is invalidSyntax", "null")]
    [InlineData("RFC 7159 §4 a duplicate member name is invalidSyntax, not a server error", "{\"userName\":\"a\",\"userName\":\"b\"}")]
    [InlineData("RFC 7159 §4 a nested duplicate member name is invalidSyntax", "{\"userName\":\"a\",\"name\":{\"givenName\":\"A\",\"givenName\":\"B\"}}")]
    public void ParseObject_RejectsWithInvalidSyntax(string rule, string body)
    {
        AssertScimError(() => ScimJson.ParseObject(body), 400, ScimErrorType.InvalidSyntax, rule);
    }

    [Fact]
    public void ParseObject_RejectsNestingDeeperThanTheLimit()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var tooDeep = Nested(ScimJson.MaxDepth + 1);
        var deepest = Nested(ScimJson.MaxDepth);

        AssertScimError(() => ScimJson.ParseObject(tooDeep), 400, ScimErrorType.InvalidSyntax, "a body nested deeper than MaxDepth");
        Assert.NotNull(ScimJson.ParseObject(deepest));
    }

    [Fact]
    public void ParseObject_ReadsAValidBody()
    {
        var body = ScimJson.ParseObject("""{"userName":"zoë","active":true}""");

        AssertJson("""{"userName":"zoë","active":true}""", body, "RFC 7644 §3.3 a JSON object body");
    }

    [Fact]
    public void ParseObject_KeepsNamesThatDifferOnlyInCase()
    {
        // Legal JSON; the normalizer decides what they mean (the last one wins).
        var body = ScimJson.ParseObject("""{"userName":"a","USERNAME":"b"}""");

        AssertJson("""{"userName":"b"}""", ResourceNormalizer.Normalize(body, User, InputRules.Strict()), "RFC 7643 §2.1 names are case-insensitive");
    }

    [Fact]
    public void Serialize_KeepsNonAsciiReadable_AndMatchesTheUtf8Form()
    {
        var node = new JsonObject { ["displayName"] = "Zoë <Ünal> ✓", ["n"] = 1 };

        var text = ScimJson.Serialize(node);

        Assert.Equal("""{"displayName":"Zoë <Ünal> ✓","n":1}""", text);
        Assert.Equal(text, Encoding.UTF8.GetString(ScimJson.SerializeToUtf8(node)));
        AssertJson(text, ScimJson.ParseTrusted(text), "what the service writes it reads back");
    }

    [Fact]
    public void MediaType_IsScimJson()
    {
        Assert.Equal("application/scim+json", ScimJson.MediaType);
    }
}
