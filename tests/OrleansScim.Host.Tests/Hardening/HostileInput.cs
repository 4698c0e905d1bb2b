using System.Text;
using CsCheck;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Generators of request bodies and query strings as an attacker (or a broken client) writes them: JSON
/// built from the names SCIM uses and names it does not, in any case, with hostile strings (unpaired
/// surrogate escapes, control characters, compatibility forms, huge numbers, long text), deep nesting,
/// wrong types, and bodies that are not JSON at all. Everything is text, so invalid JSON is generated too.
/// </summary>
public static class HostileInput
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    private static readonly string[] Names =
    [
        "userName", "USERNAME", "displayName", "name", "givenName", "familyName", "emails", "value", "type", "primary", "active",
        "members", "display", "$ref", "externalId", "id", "meta", "schemas", "groups", "title", "manager", "department", "password",
        "phoneNumbers", "addresses", "roles", "x509Certificates", Enterprise, Enterprise + ":department", Enterprise + ":manager",
        UserSchema, UserSchema + ":userName", "urn:vendor:ext:1.0:User", "Operations", "op", "path", "method", "data", "bulkId",
        "favouriteColour", "", " ", "a.b", "\\ud800", "x\\u0000y", "ｕｓｅｒＮａｍｅ",
    ];

    private static readonly string[] Texts =
    [
        "", "x", "alice@contoso.example", "ALICE@contoso.example", "ａｌｉｃｅ@contoso.example", "ali\\u200Bce@contoso.example", "josé", "jose\\u0301",
        "\\ud800", "\\udc00", "a\\ud800b", "\\ud834\\udd1e", "\\u0000", "tab\\there", "line\\nbreak", "\\u0085", "True", "False", "null", "123",
        "work", "home", "mobile", "add", "replace", "remove", "Remove", "POST", "PATCH", "PUT", "DELETE", "/Users", "/Groups", "/Users/x",
        "members[value eq \\\"x\\\"]", "emails[type eq \\\"work\\\"].value", "name.givenName", "emails[", "]", "urn:", "bulkId:none",
        "<script>alert(1)</script>", "'; drop table users; --", "%00", "../../etc/passwd", "\\\\", "\\\"", "ﬁ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ];

    private static readonly string[] Numbers = ["0", "-0", "1", "-1", "3.14", "1e309", "-1e309", "123456789012345678901234567890", "1E-400", "2147483648"];

    /// <summary>A JSON string literal (already escaped as JSON text).</summary>
    private static readonly Gen<string> StringLiteral = Gen.Frequency(
        (8, Gen.OneOf(Texts).Select(t => "\"" + t + "\"")),
        (1, Gen.Int[1, 20_000].Select(n => "\"" + new string('a', n) + "\"")),
        (1, Gen.String[Gen.Char.AlphaNumeric, 0, 30].Select(s => "\"" + s + "\"")));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (6, StringLiteral),
        (2, Gen.OneOf(Numbers)),
        (2, Gen.OneOf("true", "false", "null")));

    private static readonly Gen<string> Key = Gen.Frequency(
        (9, Gen.OneOf(Names)),
        (1, Gen.String[Gen.Char.AlphaNumeric, 0, 12]));

    /// <summary>Any JSON value up to <paramref name="depth"/> levels deep.</summary>
    public static Gen<string> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (5, Scalar),
            (2, JsonObjects(depth - 1)),
            (2, JsonArrays(depth - 1)));

    public static Gen<string> JsonObjects(int depth) =>
        Gen.Select(Key, Value(depth)).Array[0, 6].Select(pairs => "{" + string.Join(",", pairs.Select(p => "\"" + p.Item1 + "\":" + p.Item2)) + "}");

    private static Gen<string> JsonArrays(int depth) => Value(depth).Array[0, 5].Select(items => "[" + string.Join(",", items) + "]");

    /// <summary>A resource body: mostly SCIM-shaped objects, sometimes broken or absurd JSON.</summary>
    public static readonly Gen<string> ResourceBody = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Texts), JsonObjects(3)).Select((userName, rest) => "{\"schemas\":[\"" + UserSchema + "\"],\"userName\":\"" + userName + "\"," + rest.TrimStart('{'))),
        (3, JsonObjects(4)),
        (1, Gen.Int[30, 60].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))),
        (1, JsonObjects(2).Select(body => body[..Math.Max(0, body.Length / 2)])),
        (1, Gen.OneOf("", " ", "null", "[]", "\"x\"", "{", "}", "{\"userName\":\"a\",\"userName\":\"b\"}", "{\"userName\":\"a\"} trailing", "\uFEFF{}")));

    private static readonly string[] Ops = ["add", "replace", "remove", "Add", "Replace", "Remove", "move", "", "ADD"];

    private static readonly string[] Paths =
    [
        "title", "userName", "name.givenName", "emails", "emails[type eq \\\"work\\\"].value", "emails[value eq \\\"nobody\\\"].display",
        "members", "members[value eq \\\"x\\\"]", "manager", "department", Enterprise + ":manager", "urn:vendor:ext:1.0:User:tier", "groups", "meta",
        "id", "active", "name..x", "emails[", "emails[type eq]", "a[b[c]]", "\\ud800", "favouriteColour", "",
    ];

    private static readonly Gen<string> Operation = Gen.Select(Gen.OneOf(Ops), Gen.OneOf(Paths).Null(0.2), Value(2).Null(0.2))
        .Select((op, path, value) => "{\"op\":\"" + op + "\"" + (path is null ? "" : ",\"path\":\"" + path + "\"") + (value is null ? "" : ",\"value\":" + value) + "}");

    /// <summary>A PatchOp body: mostly well-formed messages whose operations are anything.</summary>
    public static readonly Gen<string> PatchBody = Gen.Frequency(
        (8, Operation.Array[1, 6].Select(ops => "{\"schemas\":[\"" + PatchOp + "\"],\"Operations\":[" + string.Join(",", ops) + "]}")),
        (2, ResourceBody));

    private static readonly Gen<string> BulkOperation = Gen.Select(
            Gen.OneOf("POST", "PUT", "PATCH", "DELETE", "GET", "post", ""),
            Gen.OneOf("/Users", "/Groups", "/Users/bulkId:a", "/Users/x", "/Groups/bulkId:none", "", "\\ud800", "/Users/../admin"),
            Gen.OneOf("a", "b", "", "\\ud800").Null(0.3),
            Gen.Frequency((3, ResourceBody), (1, PatchBody)).Null(0.2))
        .Select((method, path, bulkId, data) => "{\"method\":\"" + method + "\",\"path\":\"" + path + "\"" + (bulkId is null ? "" : ",\"bulkId\":\"" + bulkId + "\"") + (data is null ? "" : ",\"data\":" + data) + "}");

    /// <summary>A BulkRequest body with a handful of operations.</summary>
    public static readonly Gen<string> BulkBody = Gen.Frequency(
        (8, BulkOperation.Array[1, 5].Select(ops => "{\"schemas\":[\"" + BulkRequest + "\"],\"Operations\":[" + string.Join(",", ops) + "]}")),
        (1, Gen.Select(StringLiteral, BulkOperation.Array[0, 2]).Select((extra, ops) => "{\"schemas\":[\"" + BulkRequest + "\"," + extra + "],\"failOnErrors\":" + extra + ",\"Operations\":[" + string.Join(",", ops) + "]}")),
        (2, ResourceBody));

    private static readonly string[] Filters =
    [
        "userName eq \"alice\"", "userName eq alice", "userName eq \"\\ud800\"", "userName eq", "(userName eq \"a\"", "emails[type eq \"work\"].value eq \"x\"",
        "emails[type eq \"work\"", "manager eq \"m\"", "department co \"x\"", "not (active eq true)", "meta.created gt 2015-10-10T14:38:21Z",
        "favouriteColour eq \"x\"", "userName eq \"a\" or userName eq \"b\" and title pr", "members eq \"x\"", "id eq \"x\" and members eq \"y\"",
        "userName sw \"ａ\"", "x eq 1e309", "userName eq \"\u0000\"", "password eq \"x\"", "groups.value eq \"x\"", "urn:vendor:ext:1.0:User:tier eq \"x\"",
    ];

    /// <summary>A list query: filter, paging, sorting and projection parameters, valid or not.</summary>
    public static readonly Gen<string> ListQuery = Gen.Select(
            Gen.Frequency((4, Gen.OneOf(Filters)), (1, Gen.String[Gen.Char[' ', '~'], 0, 40])).Null(0.2),
            Gen.OneOf("1", "0", "-5", "x", "99999999999", "2147483647").Null(0.6),
            Gen.OneOf("0", "1", "-1", "1000", "1001", "x").Null(0.5),
            Gen.OneOf("userName", "title", "emails", "manager", "shoeSize", "password", "emails[type eq \"work\"]").Null(0.6),
            Gen.OneOf("ascending", "descending", "sideways").Null(0.7),
            Gen.OneOf("userName", "emails[type eq \"work\"]", "manager,department", "password", ",,,", "urn:").Null(0.6),
            Gen.OneOf("", "x", "eyJTIjoxLCJLIjpudWxsLCJRIjoieCJ9", "%00").Null(0.8))
        .Select((filter, startIndex, count, sortBy, sortOrder, attributes, cursor) =>
        {
            var query = new StringBuilder();
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
                }
            }

            Add("filter", filter);
            Add("startIndex", startIndex);
            Add("count", count);
            Add("sortBy", sortBy);
            Add("sortOrder", sortOrder);
            Add("attributes", attributes);
            Add("cursor", cursor);
            return query.ToString();
        });
}
