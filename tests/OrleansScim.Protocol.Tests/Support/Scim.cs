using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Support;

/// <summary>Builders and assertions shared by the protocol tests (everything but the filter tests).</summary>
internal static class Scim
{
    public const string Enterprise = SchemaUris.EnterpriseUser;

    /// <summary>The push-to-talk vendor's extensions: not registered, so stored as sent.</summary>
    public const string GroupTalkUser = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:User";

    public const string GroupTalkGroup = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:Group";

    /// <summary>The extra schema URI Azure AD lists on group creation.</summary>
    public const string AdScimGroup = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

    public static ResourceTypeDefinition User => ScimSchemaSet.Default.User;

    public static ResourceTypeDefinition Group => ScimSchemaSet.Default.Group;

    public static ResourceTypeDefinition TypeOf(string name) => name switch
    {
        "User" => User,
        "Group" => Group,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Expected User or Group."),
    };

    /// <summary>
    /// Test data spells the long URNs as <c>$ENT</c> (Enterprise User), <c>$GTU</c> and <c>$GTG</c> (the
    /// grouptalk User and Group vendor extensions) so that the JSON stays on one readable line.
    /// </summary>
    [return: NotNullIfNotNull(nameof(json))]
    public static string? Expand(string? json) => json?
        .Replace("$ENT", Enterprise, StringComparison.Ordinal)
        .Replace("$GTU", GroupTalkUser, StringComparison.Ordinal)
        .Replace("$GTG", GroupTalkGroup, StringComparison.Ordinal);

    /// <summary>Parses a JSON object literal (placeholders expanded); test data is trusted, so failures are test bugs.</summary>
    public static JsonObject Json(string json) => JsonNode.Parse(Expand(json))!.AsObject();

    /// <summary>A PatchOp body around an "Operations" array literal.</summary>
    public static JsonObject PatchBody(string operations) => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.PatchOp),
        ["Operations"] = JsonNode.Parse(Expand(operations)),
    };

    public static JsonObject ApplyPatch(string type, string before, string operations, bool rejectUndeclared = false) =>
        PatchEngine.Apply(Json(before), PatchBody(operations), TypeOf(type), InputRules.Strict(rejectUndeclared));

    public static JsonObject Normalize(string type, string body, bool rejectUndeclared = false)
    {
        var normalized = ResourceNormalizer.Normalize(Json(body), TypeOf(type), InputRules.Strict(rejectUndeclared));
        ResourceNormalizer.EnsureRequired(normalized, TypeOf(type));
        return normalized;
    }

    public static void AssertJson(string expected, JsonNode? actual, string because)
    {
        var wanted = JsonNode.Parse(Expand(expected));
        Assert.True(
            JsonNode.DeepEquals(wanted, actual),
            $"{because}{Environment.NewLine}expected: {Render(wanted)}{Environment.NewLine}actual:   {Render(actual)}");
    }

    public static ScimException AssertScimError(Action action, int status, string? scimType, string because)
    {
        ScimException? caught = null;
        try
        {
            action();
        }
        catch (ScimException e)
        {
            caught = e;
        }

        Assert.True(caught is not null, $"{because}: expected a {status} {scimType} ScimException, but nothing was thrown.");
        Assert.True(
            caught.Status == status && caught.ScimType == scimType,
            $"{because}: expected {status} {scimType}, got {caught.Status} {caught.ScimType} ('{caught.Detail}').");
        return caught;
    }

    public static string Render(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
