using System.Text.Json.Nodes;
using CsCheck;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>Random POST/PUT bodies and projections, built from what Azure AD and RFC 7643 clients send.</summary>
public sealed class NormalizerPropertyTests
{
    private static readonly string[] Keys =
    [
        "userName", "USERNAME", "displayName", "title", "active", "name", "emails", "phoneNumbers", "addresses", "roles", "members",
        "id", "meta", "groups", "schemas", "externalId", "x509Certificates", "$ENT", "$ENT:employeeNumber", "$ENT:manager", "$GTU",
        "$GTU:label1", "urn:ietf:params:scim:schemas:core:2.0:User", "favouriteColour", "name.givenName",
    ];

    private static readonly string[] Values =
    [
        "\"alice\"", "\"\"", "\"True\"", "false", "7", "null", "[]", "[null]", "{}", "[\"u1\",\"u1\"]", "{\"value\":\"m1\"}", "[{\"$ref\":null,\"value\":\"m1\"}]",
        "{\"givenName\":\"Alice\",\"familyName\":null}", "[{\"value\":\"a@example.com\",\"type\":\"work\",\"primary\":\"True\"},{\"value\":\"b@example.com\",\"type\":\"home\"}]",
        "[{\"value\":\"a@example.com\",\"primary\":true},{\"value\":\"b@example.com\",\"primary\":true}]", "{\"type\":\"work\",\"streetAddress\":\"1 Main St\"}",
        "{\"department\":\"Sales\",\"manager\":\"m1\",\"employeeNumber\":12}", "{\"label1\":\"A\",\"label2\":null,\"label3\":[1,null]}",
        "[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"]",
        "{\"userName\":\"bob\"}", "[{\"value\":\"SGVsbG8=\"}]", "\"2026-01-31T12:00:00\"", "{\"nope\":1}",
    ];

    private static readonly Gen<string> Bodies = Gen.Select(Gen.OneOf(Keys), Gen.OneOf(Values), (key, value) => (key, value))
        .Array[0, 6]
        .Select(pairs => "{\"userName\":\"base\"," + string.Join(',', pairs.Select(p => JsonValue.Create(Expand(p.key)).ToJsonString() + ":" + Expand(p.value))) + "}");

    [Fact]
    public void Normalize_OfItsOwnOutput_IsTheIdentity()
    {
        Bodies.Sample(text =>
        {
            JsonObject body;
            try
            {
                body = ScimJson.ParseObject(text);
            }
            catch (ScimException)
            {
                return;
            }

            var snapshot = body.ToJsonString();
            JsonObject once;
            try
            {
                once = ResourceNormalizer.Normalize(body, User, InputRules.Strict());
            }
            catch (ScimException e) when (e.Status == 400 && e.ScimType is not null)
            {
                Assert.Equal(snapshot, body.ToJsonString());
                return;
            }

            var twice = ResourceNormalizer.Normalize(once, User, InputRules.Strict());
            Assert.True(JsonNode.DeepEquals(once, twice), $"{text}: {Render(once)} then {Render(twice)}");
            Assert.Equal(snapshot, body.ToJsonString());
            Assert.False(once.ContainsKey("id") || once.ContainsKey("meta") || once.ContainsKey("groups") || once.ContainsKey("schemas"), Render(once));
        }, iter: 20_000);
    }

    private static readonly Gen<string?> AttributeLists = Gen.OneOf(
            "userName", "id", "schemas", "password", "name", "name.givenName", "emails.value", "meta", "$ENT", "$ENT:manager.value", "$GTU:label1", "nope", "")
        .Array[0, 4]
        .Select(names => names.Length == 0 ? null : Expand(string.Join(',', names)));

    [Fact]
    public void Projection_AlwaysKeepsIdAndSchemas_AndNeverReturnsPassword()
    {
        Gen.Select(AttributeLists, AttributeLists).Sample((attributes, excluded) =>
        {
            var projected = AttributeProjection.Create(User, attributes, excluded, InputRules.Strict()).Apply(Json(ProjectionCases.AliceDocument));

            Assert.True(projected.ContainsKey("id") && projected.ContainsKey("schemas"), $"RFC 7643 §7 returned=always ({attributes} / {excluded})");
            Assert.False(projected.ContainsKey("password"), "RFC 7643 §7 returned=never");
            foreach (var uri in projected["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Where(s => s != User.Schema.Id))
            {
                Assert.True(projected.ContainsKey(uri), $"RFC 7643 §3 schemas lists only present extensions: {Render(projected)}");
            }
        }, iter: 5_000);
    }
}
