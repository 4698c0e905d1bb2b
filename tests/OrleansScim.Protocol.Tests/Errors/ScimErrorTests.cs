using OrleansScim.Protocol.Errors;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Errors;

public sealed class ScimErrorTests
{
    [Fact]
    public void ToJson_HasStatusAsAString()
    {
        AssertJson(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidValue","detail":"Attribute 'active' expects a boolean."}""",
            ScimError.ToJson(400, ScimErrorType.InvalidValue, "Attribute 'active' expects a boolean."),
            "RFC 7644 §3.12 error body, status as a JSON string");
    }

    [Fact]
    public void ToJson_OmitsAbsentScimTypeAndDetail()
    {
        AssertJson(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404"}""",
            ScimError.ToJson(404, null, null),
            "RFC 7644 §3.12 scimType and detail are optional");
    }

    public static TheoryData<string, Func<string, ScimException>, int, string?> Factories => new()
    {
        { "RFC 7644 §3.12 invalidValue", ScimException.InvalidValue, 400, ScimErrorType.InvalidValue },
        { "RFC 7644 §3.12 invalidSyntax", ScimException.InvalidSyntax, 400, ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.12 invalidPath", ScimException.InvalidPath, 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.12 invalidFilter", ScimException.InvalidFilter, 400, ScimErrorType.InvalidFilter },
        { "RFC 7644 §3.12 mutability", ScimException.Mutability, 400, ScimErrorType.Mutability },
        { "RFC 7644 §3.12 noTarget", ScimException.NoTarget, 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.12 uniqueness is 409", ScimException.Uniqueness, 409, ScimErrorType.Uniqueness },
        { "RFC 7644 §3.12 not found is 404", ScimException.NotFound, 404, null },
        { "RFC 7644 §3.14 precondition failed is 412", ScimException.PreconditionFailed, 412, null },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Exception_MapsToItsErrorBody(string rule, Func<string, ScimException> create, int status, string? scimType)
    {
        var exception = create("detail text");

        Assert.True(exception.Status == status && exception.ScimType == scimType, rule);
        var body = ScimError.ToJson(exception);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), body["status"]!.GetValue<string>());
        Assert.Equal("detail text", body["detail"]!.GetValue<string>());
        Assert.Equal(scimType, body["scimType"]?.GetValue<string>());
    }

    [Fact]
    public void Exception_DefaultConstructors_AreUsable()
    {
        Assert.Equal(500, new ScimException().Status);
        Assert.Equal(400, new ScimException("bad").Status);
        Assert.Equal(400, new ScimException("bad", new InvalidOperationException()).Status);
        Assert.Equal("invalidVers", ScimErrorType.InvalidVersion);
    }
}
