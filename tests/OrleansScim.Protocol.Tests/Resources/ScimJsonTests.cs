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

    [Theory]
    [InlineData("RFC 7643 §2.1 names differing only in case are one attribute: refused, not last-wins", """{"userName":"a","USERNAME":"b"}""")]
    [InlineData("the same in a complex value", """{"userName":"a","name":{"givenName":"A","GIVENNAME":"B"}}""")]
    [InlineData("the same in an element of a multi-valued attribute", """{"userName":"a","emails":[{"value":"a@x","VALUE":"b@x"}]}""")]
    [InlineData("the same in an extension object", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"A","Department":"B"}}""")]
    [InlineData("the same in a PatchOp message", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[],"operations":[]}""")]
    [InlineData("an unpaired high surrogate in a value", """{"userName":"sur\ud800"}""")]
    [InlineData("an unpaired low surrogate in a value", """{"userName":"\udc00x"}""")]
    [InlineData("a reversed surrogate pair in a value", """{"userName":"\udc00\ud800"}""")]
    [InlineData("an unpaired surrogate in a key", """{"user\ud800Name":"a"}""")]
    [InlineData("an unpaired surrogate deep in an array", """{"userName":"a","emails":[{"value":"ok"},{"value":"\ud834"}]}""")]
    [InlineData("an unpaired surrogate in a nested key", """{"userName":"a","name":{"\ud800":"x"}}""")]
    public void ParseObject_RefusesKeysRepeatedInAnotherCase_AndUnpairedSurrogates(string rule, string body)
    {
        AssertScimError(() => ScimJson.ParseObject(body), 400, ScimErrorType.InvalidSyntax, rule);
    }

    [Fact]
    public void ParseObject_AcceptsEscapedSurrogatePairs_AndOtherEscapes()
    {
        var body = ScimJson.ParseObject("""{"userName":"clef \ud834\udd1e \u00e9 \n"}""");

        Assert.Equal("clef \U0001D11E é \n", body["userName"]!.GetValue<string>());
    }

    [Fact]
    public void ParseObject_WithoutNestedChecks_LeavesOperationsToTheirOwnCheck()
    {
        var body = ScimJson.ParseObject("""{"Operations":[{"data":{"userName":"\ud800"}},{"data":{"a":1,"A":2}}]}""", checkNested: false);
        var operations = body["Operations"]!.AsArray();

        AssertScimError(() => ScimJson.EnsureWellFormed(operations[0]), 400, ScimErrorType.InvalidSyntax, "an unpaired surrogate in one operation");
        AssertScimError(() => ScimJson.EnsureWellFormed(operations[1]), 400, ScimErrorType.InvalidSyntax, "a key repeated in another case in one operation");
        AssertScimError(() => ScimJson.ParseObject("""{"Operations":[],"OPERATIONS":[]}""", checkNested: false), 400, ScimErrorType.InvalidSyntax, "top-level keys are still checked");
    }

    [Theory]
    [InlineData("a core attribute under its short and its URN-qualified name", "User", """{"userName":"a","urn:ietf:params:scim:schemas:core:2.0:User:userName":"b"}""")]
    [InlineData("a core attribute beside the core URN object", "User", """{"userName":"a","urn:ietf:params:scim:schemas:core:2.0:User":{"userName":"b"}}""")]
    [InlineData("an enterprise attribute unqualified and in its extension object", "User", """{"userName":"a","department":"A","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"B"}}""")]
    [InlineData("an enterprise attribute URN-qualified and in its extension object", "User", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"A","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"B"}}""")]
    [InlineData("a vendor attribute URN-qualified and in its extension object", "User", """{"userName":"a","urn:vendor:ext:1.0:User:tier":"A","urn:vendor:ext:1.0:User":{"tier":"B"}}""")]
    public void Normalize_OneAttributeSentUnderTwoNames_IsInvalidSyntax(string rule, string type, string body)
    {
        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            AssertScimError(() => ResourceNormalizer.Normalize(ScimJson.ParseObject(body), TypeOf(type), rules), 400, ScimErrorType.InvalidSyntax, $"{rule} ({rules.Policy})");
        }
    }

    [Fact]
    public void Patch_APathlessValueNamingOneAttributeTwice_IsInvalidSyntax()
    {
        var operations = """[{"op":"replace","value":{"department":"A","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"B"}}}]""";

        AssertScimError(() => OrleansScim.Protocol.Patch.PatchEngine.Apply(Json("""{"userName":"a"}"""), PatchBody(operations), User, InputRules.Tolerant()), 400, ScimErrorType.InvalidSyntax, "path-less value naming department twice");
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

    /// <summary>The writer is reused per thread: each answer is its own array, a failed write leaves nothing behind, and a nested write gets its own writer.</summary>
    [Fact]
    public void WriteToUtf8_ReusedWriter_GivesIndependentAnswers_AfterFailuresAndWhenNested()
    {
        var first = ScimJson.SerializeToUtf8(new JsonObject { ["a"] = 1 });
        Assert.Throws<InvalidOperationException>(() => ScimJson.WriteToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("half", "written");
            throw new InvalidOperationException("the write fails midway");
        }));
        var nested = ScimJson.WriteToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("inner");
            writer.WriteRawValue(ScimJson.SerializeToUtf8(new JsonObject { ["b"] = new string('x', 10_000) }));
            writer.WriteEndObject();
        });
        var last = ScimJson.SerializeToUtf8(new JsonObject { ["c"] = 3 });

        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(first));
        Assert.Equal("{\"inner\":{\"b\":\"" + new string('x', 10_000) + "\"}}", Encoding.UTF8.GetString(nested));
        Assert.Equal("""{"c":3}""", Encoding.UTF8.GetString(last));
    }
}
