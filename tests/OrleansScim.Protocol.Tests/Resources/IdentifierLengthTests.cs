using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>userName, group displayName, externalId and email addresses are at most 256 characters long, in any kind of request.</summary>
public sealed class IdentifierLengthTests
{
    private const int Limit = CoreSchemas.IdentifierMaxLength;

    [Theory]
    [InlineData("userName")]
    [InlineData("externalId")]
    public void UserBody_AtTheLimit_IsKept_OneMore_IsInvalidValue(string attribute)
    {
        var atLimit = UserWith(attribute, new string('a', Limit));
        var beyond = UserWith(attribute, new string('a', Limit + 1));

        Assert.Equal(Limit, ResourceNormalizer.Normalize(atLimit, User, InputRules.Tolerant())[attribute]!.GetValue<string>().Length);
        var error = AssertScimError(() => ResourceNormalizer.Normalize(beyond, User, InputRules.Tolerant()), 400, ScimErrorType.InvalidValue, "beyond the limit");
        Assert.Contains(attribute, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupDisplayNameAndEmailAddresses_BeyondTheLimit_AreInvalidValues()
    {
        var group = new JsonObject { ["displayName"] = new string('g', Limit + 1) };
        var user = new JsonObject { ["userName"] = "u", ["emails"] = new JsonArray(new JsonObject { ["value"] = new string('e', Limit + 1) }) };

        AssertScimError(() => ResourceNormalizer.Normalize(group, Group, InputRules.Tolerant()), 400, ScimErrorType.InvalidValue, "group displayName");
        AssertScimError(() => ResourceNormalizer.Normalize(user, User, InputRules.Tolerant()), 400, ScimErrorType.InvalidValue, "emails.value");
    }

    [Fact]
    public void PatchReplacingUserName_BeyondTheLimit_IsInvalidValue()
    {
        var stored = ResourceNormalizer.Normalize(UserWith("userName", "short"), User, InputRules.Tolerant());
        var patch = JsonNode.Parse($$"""{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{ "op": "replace", "path": "userName", "value": "{{new string('p', Limit + 1)}}" }] }""")!.AsObject();

        AssertScimError(() => PatchEngine.Apply(stored, patch, User, InputRules.Tolerant()), 400, ScimErrorType.InvalidValue, "PATCH");
    }

    [Fact]
    public void OtherStrings_HaveNoSuchLimit()
    {
        var user = UserWith("userName", "u");
        user["title"] = new string('t', 10 * Limit);

        Assert.Equal(10 * Limit, ResourceNormalizer.Normalize(user, User, InputRules.Tolerant())["title"]!.GetValue<string>().Length);
    }

    private static JsonObject UserWith(string attribute, string value)
    {
        var user = new JsonObject { ["userName"] = "someone" };
        user[attribute] = value;
        return user;
    }
}
