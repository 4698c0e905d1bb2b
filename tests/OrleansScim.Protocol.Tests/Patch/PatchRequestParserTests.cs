using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Patch;

public sealed class PatchRequestParserTests
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "RFC 7644 §3.5.2 a body without schemas is invalidSyntax", """{"Operations":[{"op":"add","path":"title","value":"x"}]}""", ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 a body without the PatchOp schema is invalidSyntax", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"Operations":[{"op":"add","path":"title","value":"x"}]}""", ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 schemas as a string is invalidSyntax", """{"schemas":"urn:ietf:params:scim:api:messages:2.0:PatchOp","Operations":[{"op":"add","path":"title","value":"x"}]}""", ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 empty Operations is invalidSyntax", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 missing Operations is invalidSyntax", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 Operations as an object is invalidSyntax", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{"op":"add","path":"title","value":"x"}}""", ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 a null operation is invalidSyntax", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[null]}""", ScimErrorType.InvalidSyntax },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void Parse_RejectsAMalformedBody(string rule, string body, string scimType)
    {
        var user = Json("""{"userName":"alice","title":"Engineer"}""");

        AssertScimError(() => PatchRequestParser.Parse(Json(body)), 400, scimType, rule);
        AssertScimError(() => PatchEngine.Apply(user, Json(body), User, InputRules.Strict()), 400, scimType, rule + " (through PatchEngine)");
        AssertJson("""{"userName":"alice","title":"Engineer"}""", user, rule + " (nothing changes)");
    }

    [Fact]
    public void Parse_TooManyOperations_IsRejected()
    {
        var operations = string.Join(',', Enumerable.Repeat("""{"op":"add","path":"title","value":"x"}""", PatchRequestParser.MaxOperations + 1));

        AssertScimError(() => PatchRequestParser.Parse(PatchBody("[" + operations + "]")), 400, ScimErrorType.InvalidValue, "more than MaxOperations");
        Assert.Equal(PatchRequestParser.MaxOperations, PatchRequestParser.Parse(PatchBody("[" + operations[..operations.LastIndexOf(",{", StringComparison.Ordinal)] + "]")).Count);
    }

    public static TheoryData<string, string, PatchOperationType, string?, string?> SingleOperations => new()
    {
        { "RFC 7644 §3.5.2.1 add", """{"op":"add","path":"title","value":"x"}""", PatchOperationType.Add, "title", "\"x\"" },
        { "RFC 7644 §3.5.2.3 replace", """{"op":"replace","path":"title","value":"x"}""", PatchOperationType.Replace, "title", "\"x\"" },
        { "RFC 7644 §3.5.2.2 remove", """{"op":"remove","path":"title"}""", PatchOperationType.Remove, "title", null },
        { "Azure AD old dialect: \"Add\"", """{"op":"Add","path":"members","value":[{"value":"u1"}]}""", PatchOperationType.Add, "members", """[{"value":"u1"}]""" },
        { "Azure AD old dialect: \"Replace\"", """{"op":"Replace","path":"active","value":"False"}""", PatchOperationType.Replace, "active", "\"False\"" },
        { "Azure AD old dialect: \"Remove\" with a value", """{"op":"Remove","path":"members","value":[{"value":"u1"}]}""", PatchOperationType.Remove, "members", """[{"value":"u1"}]""" },
        { "RFC 7644 §3.5.2 op with surrounding spaces", """{"op":" replace ","path":"title","value":"x"}""", PatchOperationType.Replace, "title", "\"x\"" },
        { "RFC 7643 §2.1 member names op/path/value are case-insensitive", """{"OP":"add","PATH":"title","VALUE":"x"}""", PatchOperationType.Add, "title", "\"x\"" },
        { "RFC 7644 §3.5.2 a path is trimmed", """{"op":"add","path":"  title ","value":"x"}""", PatchOperationType.Add, "title", "\"x\"" },
        { "RFC 7644 §3.5.2 an empty path is no path", """{"op":"add","path":"","value":{"title":"x"}}""", PatchOperationType.Add, null, """{"title":"x"}""" },
        { "RFC 7644 §3.5.2 a null path is no path", """{"op":"replace","path":null,"value":{"title":"x"}}""", PatchOperationType.Replace, null, """{"title":"x"}""" },
    };

    [Theory]
    [MemberData(nameof(SingleOperations))]
    public void Parse_ReadsEachOperation(string rule, string operation, PatchOperationType op, string? path, string? value)
    {
        var parsed = Assert.Single(PatchRequestParser.Parse(PatchBody("[" + operation + "]")));

        Assert.True(parsed.Op == op && parsed.Path == path, $"{rule}: got {parsed.Op} '{parsed.Path}'");
        if (value is null)
        {
            Assert.Null(parsed.Value);
        }
        else
        {
            AssertJson(value, parsed.Value, rule);
        }
    }

    [Fact]
    public void Parse_AcceptsOperationsNameAndSchemaInAnyCase()
    {
        var body = Json("""{"SCHEMAS":["URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:PATCHOP"],"operations":[{"op":"add","path":"title","value":"x"}]}""");

        Assert.Single(PatchRequestParser.Parse(body));
    }

    [Fact]
    public void Parse_CopiesValues_SoTheBodyIsNeverShared()
    {
        var body = PatchBody("""[{"op":"add","path":"members","value":[{"value":"u1"}]}]""");

        var parsed = PatchRequestParser.Parse(body);

        Assert.NotSame(body["Operations"]![0]!["value"], parsed[0].Value);
    }
}
