using System.Text.Json.Nodes;
using CsCheck;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>Random PatchOp requests, built from the pieces Azure AD and RFC 7644 clients really send.</summary>
public sealed class PatchPropertyTests
{
    private const string Alice = """
        {"userName":"alice","title":"Engineer","active":true,"name":{"givenName":"Alice","familyName":"Smith"},
         "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
         "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],
         "$ENT":{"department":"Sales","manager":{"value":"m1"}},"$GTU":{"label1":"A"}}
        """;

    private const string Team = """{"displayName":"Team","externalId":"g-1","members":[{"value":"u1"},{"value":"u2","display":"Two"},{"value":"u3"}],"$GTG":{"description":"D"}}""";

    // Mostly valid ops, so that most requests get past the parser and into the planner and the engine.
    private static readonly Gen<string> Ops = Gen.Frequency(
        (10, Gen.OneOf("add", "replace", "remove", "Add", "Replace", "Remove")),
        (1, Gen.OneOf("move", "", "ADD ")));

    private static readonly string?[] UserPaths =
    [
        null, "", "title", "TITLE", "displayName", "name", "name.givenName", "name.familyName", "active", "userName", "emails", "emails.primary",
        "emails.value", "emails[type eq \"work\"].value", "emails[type eq \"home\"]", "emails[type eq \"work\" and primary eq true].value",
        "emails[type eq \"other\" or type eq \"home\"].display", "emails[value co \"x\"].display", "emails[primary eq true].primary",
        "phoneNumbers[type eq \"mobile\"].value", "phoneNumbers[type eq \"work\"]", "addresses[type eq \"work\"].streetAddress",
        "$ENT:department", "$ENT:manager", "$ENT:manager.value", "$ENT:manager.displayName", "$ENT", "$GTU:label1", "$GTU:label2", "$GTU",
        "urn:ietf:params:scim:schemas:core:2.0:User:title", "urn:ietf:params:scim:schemas:core:2.0:User", "id", "meta", "groups",
        "name..x", "emails[", "emails[]", "emails[type eq]", "favouriteColour", "$ENT:favouriteColour", "x509Certificates",
    ];

    private static readonly string?[] GroupPaths =
    [
        null, "displayName", "externalId", "members", "members[value eq \"u1\"]", "members[value eq \"u2\"].display",
        "members[value eq \"u1\"].value", "members[value eq \"u9\"].display", "members[type eq \"User\"]", "members.display", "$GTG:description", "$GTG",
        "id", "userName", "members[value eq]",
    ];

    private static readonly string?[] Values =
    [
        null, "\"x\"", "\"\"", "\"True\"", "\"False\"", "true", "false", "5", "null", "[]", "[null]", "[{\"value\":\"False\"}]", "{\"value\":\"m2\"}",
        "[{\"$ref\":null,\"value\":\"m2\"}]", "{\"givenName\":\"G\"}", "{\"nope\":1}", "[[1]]", "\"SGVsbG8=\"",
        "[{\"value\":\"a@example.com\",\"type\":\"work\",\"primary\":true}]", "[{\"value\":\"b@example.com\",\"primary\":true},{\"value\":\"c@example.com\",\"primary\":\"True\"}]",
        "{\"title\":\"T\",\"name.givenName\":\"G\",\"id\":\"x\",\"meta\":{}}", "{\"label1\":\"L\",\"label2\":null}", "{\"department\":\"D\",\"manager\":\"m3\"}",
        "{\"emails[type eq \\\"work\\\"].value\":\"w@example.com\",\"$ENT:employeeNumber\":7}", "{\"$GTU\":{\"label3\":\"C\"},\"active\":\"False\"}",
        "[{\"value\":\"u1\"},{\"value\":\"u4\"}]", "[\"u5\",\"u1\"]", "{\"displayName\":\"Renamed\",\"members\":[{\"value\":\"u6\"}]}",
        "{\"value\":\"u2\",\"display\":\"Deux\"}", "{\"primary\":true,\"value\":\"p@example.com\"}",
    ];

    private static Gen<string> Operation(string?[] paths) => Gen.Select(
        Ops, Gen.OneOf(paths), Gen.OneOf(Values), Gen.Int[0, 4],
        (op, path, value, valueChance) =>
        {
            var parts = new List<string>();
            if (op.Length > 0)
            {
                parts.Add($"\"op\":\"{op}\"");
            }

            if (path is not null)
            {
                parts.Add("\"path\":" + JsonValue.Create(Expand(path)).ToJsonString());
            }

            if (valueChance > 0 && value is not null)
            {
                parts.Add("\"value\":" + Expand(value));
            }

            return "{" + string.Join(',', parts) + "}";
        });

    private static readonly Gen<(string Type, string Before, string Operations)> Requests = Gen.Bool.SelectMany(isUser =>
        Operation(isUser ? UserPaths : GroupPaths).Array[1, 4].Select(ops => (isUser ? "User" : "Group", isUser ? Alice : Team, "[" + string.Join(',', ops) + "]")));

    [Fact]
    public void Apply_AnyRequest_ThrowsOnlyScimExceptionAndNeverChangesItsInput()
    {
        Requests.Sample(request =>
        {
            var input = Json(request.Before);
            var snapshot = input.ToJsonString();
            try
            {
                PatchEngine.Apply(input, PatchBody(request.Operations), TypeOf(request.Type), InputRules.Strict());
            }
            catch (ScimException e) when (e.Status == 400 && e.ScimType is not null)
            {
            }

            Assert.Equal(snapshot, input.ToJsonString());
        }, iter: 20_000);
    }

    [Fact]
    public void Apply_AnySuccessfulRequest_StoresCanonicalAttributesWithAtMostOnePrimary()
    {
        Requests.Sample(request =>
        {
            JsonObject result;
            try
            {
                result = PatchEngine.Apply(Json(request.Before), PatchBody(request.Operations), TypeOf(request.Type), InputRules.Strict());
            }
            catch (ScimException)
            {
                return;
            }

            var type = TypeOf(request.Type);
            var again = ResourceNormalizer.Normalize(result, type, InputRules.Strict());
            Assert.True(JsonNode.DeepEquals(result, again), $"{request.Operations} stored {Render(result)}, which normalizes to {Render(again)}");
            ResourceNormalizer.EnsureRequired(result, type);
            // Undeclared vendor attributes are stored as sent; "primary" means something only in declared ones.
            var declared = result.Where(p => !p.Key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)).Select(p => p.Value);
            foreach (var values in declared.OfType<JsonNode>().SelectMany(Descendants).OfType<JsonArray>())
            {
                Assert.True(values.Count(MultiValuedRules.IsPrimary) <= 1, $"RFC 7643 §2.4 after {request.Operations}: {Render(result)}");
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Apply_AddingWhatIsThere_ChangesNothing()
    {
        // RFC 7644 §3.5.2.1: re-sending a value already present (Azure AD retries) is a no-op.
        Gen.OneOf("members", "emails").Sample(attribute =>
        {
            var type = attribute == "members" ? "Group" : "User";
            var before = Json(attribute == "members" ? Team : Alice);
            var present = before[attribute]!.ToJsonString();

            var after = PatchEngine.Apply(before, PatchBody($$"""[{"op":"add","path":"{{attribute}}","value":{{present}}}]"""), TypeOf(type), InputRules.Strict());

            Assert.True(JsonNode.DeepEquals(before, after), Render(after));
        }, iter: 10);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
