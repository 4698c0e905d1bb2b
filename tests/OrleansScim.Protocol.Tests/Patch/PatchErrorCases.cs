using OrleansScim.Protocol.Errors;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>
/// Operations that must fail with a given RFC 7644 §3.12 scimType and change nothing, under both input
/// policies: (rule, type, before, Operations, status, scimType). <see cref="StrictOnlyCases"/> holds what
/// only strict input refuses.
/// $ENT, $GTU and $GTG stand for the long URNs (see <see cref="Support.Scim.Expand"/>).
/// </summary>
internal static class PatchErrorCases
{
    private const string Alice = """
        {"userName":"alice","title":"Engineer","name":{"givenName":"Alice"},
         "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home","primary":true}],
         "$ENT":{"department":"Sales","manager":{"value":"m1"}}}
        """;

    private const string Team = """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"}]}""";

    public static TheoryData<string, string, string, string, int, string> Cases => new()
    {
        // Operation shape (RFC 7644 §3.5.2).
        { "RFC 7644 §3.5.2 an unknown op is invalidSyntax", "User", Alice, """[{"op":"move","path":"title","value":"x"}]""", 400, ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 a missing op is invalidSyntax", "User", Alice, """[{"path":"title","value":"x"}]""", 400, ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 a non-string op is invalidSyntax", "User", Alice, """[{"op":1,"path":"title","value":"x"}]""", 400, ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2 an operation that is not an object is invalidSyntax", "User", Alice, """["replace"]""", 400, ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.5.2.2 remove without a path is noTarget", "User", Alice, """[{"op":"remove"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.2 remove with an empty path is noTarget", "User", Alice, """[{"op":"remove","path":"  "}]""", 400, ScimErrorType.NoTarget },
        { "Azure AD old dialect: \"Remove\" without a path is noTarget", "Group", Team, """[{"op":"Remove","value":[{"value":"u1"}]}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2 a non-string path is invalidPath", "User", Alice, """[{"op":"replace","path":5,"value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2.1 a path-less add needs an object value", "User", Alice, """[{"op":"add","value":"x"}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7644 §3.5.2.3 a path-less replace needs an object value", "User", Alice, """[{"op":"replace","value":[{"title":"x"}]}]""", 400, ScimErrorType.InvalidValue },

        // Path syntax and resolution (RFC 7644 §3.5.2 "invalidPath").
        { "RFC 7644 §3.5.2 a malformed path is invalidPath", "User", Alice, """[{"op":"replace","path":"name..givenName","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 a path with three levels is invalidPath", "User", Alice, """[{"op":"replace","path":"name.givenName.first","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 an unclosed value filter is invalidPath", "User", Alice, """[{"op":"replace","path":"emails[type eq \"work\".value","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 an empty value filter is invalidPath", "User", Alice, """[{"op":"replace","path":"emails[].value","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 text after a value filter is invalidPath", "User", Alice, """[{"op":"replace","path":"emails[type eq \"work\"]value","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 a filter on a sub-attribute path is invalidPath", "User", Alice, """[{"op":"replace","path":"name.givenName[value eq \"x\"]","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 a malformed filter in a path is invalidPath", "User", Alice, """[{"op":"replace","path":"emails[type eq].value","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 a filter on an unknown sub-attribute is invalidPath", "User", Alice, """[{"op":"remove","path":"emails[colour eq \"red\"]"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 a filter literal of the wrong type is invalidPath", "User", Alice, """[{"op":"remove","path":"emails[primary eq \"yes\"]"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 a value filter on a single-valued attribute is invalidPath", "User", Alice, """[{"op":"replace","path":"name[givenName eq \"Alice\"].familyName","value":"x"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 the core schema URN alone cannot be removed", "User", Alice, """[{"op":"remove","path":"urn:ietf:params:scim:schemas:core:2.0:User"}]""", 400, ScimErrorType.InvalidPath },
        { "RFC 7644 §3.5.2 value filters on undeclared extension attributes are unsupported", "User", Alice, """[{"op":"remove","path":"$GTU:tags[value eq \"x\"]"}]""", 400, ScimErrorType.InvalidPath },

        // Mutability (RFC 7643 §7).
        { "RFC 7643 §7 id is readOnly", "User", Alice, """[{"op":"replace","path":"id","value":"other"}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §7 meta is readOnly", "User", Alice, """[{"op":"replace","path":"meta","value":{"resourceType":"Group"}}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §7 meta sub-attributes are readOnly", "User", Alice, """[{"op":"replace","path":"meta.lastModified","value":"2020-01-01T00:00:00Z"}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §4.1 groups is readOnly (replace)", "User", Alice, """[{"op":"replace","path":"groups","value":[{"value":"g1"}]}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §4.1 groups is readOnly (add)", "User", Alice, """[{"op":"add","path":"groups","value":[{"value":"g1"}]}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §4.1 groups is readOnly (remove)", "User", Alice, """[{"op":"remove","path":"groups[value eq \"g1\"]"}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §4.3 manager.displayName is readOnly", "User", Alice, """[{"op":"replace","path":"$ENT:manager.displayName","value":"Boss"}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §7 an immutable members value cannot change", "Group", Team, """[{"op":"replace","path":"members[value eq \"u1\"].value","value":"u9"}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §7 an immutable members value cannot change in a whole-member replace", "Group", Team, """[{"op":"replace","path":"members[value eq \"u1\"]","value":{"value":"u9"}}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §7 an immutable members value cannot change through an add on a filter", "Group", Team, """[{"op":"add","path":"members[value eq \"u1\"]","value":{"value":"u2","display":"Two"}}]""", 400, ScimErrorType.Mutability },
        { "RFC 7643 §7 an immutable members value cannot be removed on its own", "Group", Team, """[{"op":"remove","path":"members[value eq \"u1\"].value"}]""", 400, ScimErrorType.Mutability },

        // Values (RFC 7643 §2.3, RFC 7644 §3.12 "invalidValue").
        { "RFC 7643 §2.3.2 active = \"maybe\" is invalidValue", "User", Alice, """[{"op":"replace","path":"active","value":"maybe"}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.2 active = 1 is invalidValue", "User", Alice, """[{"op":"replace","path":"active","value":1}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 name = 5 is invalidValue", "User", Alice, """[{"op":"replace","path":"name","value":5}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 name = \"Alice\" is invalidValue", "User", Alice, """[{"op":"replace","path":"name","value":"Alice"}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.1 a boolean for a string is invalidValue", "User", Alice, """[{"op":"replace","path":"title","value":true}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.1 an object for a string is invalidValue", "User", Alice, """[{"op":"replace","path":"title","value":{"text":"x"}}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.4 two values for a single-valued attribute is invalidValue", "User", Alice, """[{"op":"replace","path":"title","value":["a","b"]}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.6 a binary value that is not base64 is invalidValue", "User", Alice, """[{"op":"add","path":"x509Certificates","value":[{"value":"not base64!"}]}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.3 the enterprise extension value must be an object", "User", Alice, """[{"op":"replace","path":"$ENT","value":"Sales"}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.1 removing userName (required) is invalidValue", "User", Alice, """[{"op":"remove","path":"userName"}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.1 replacing userName with null is invalidValue", "User", Alice, """[{"op":"replace","path":"userName","value":null}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.1 replacing userName with an empty string is invalidValue", "User", Alice, """[{"op":"replace","path":"userName","value":""}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.2 removing the group displayName (required) is invalidValue", "Group", Team, """[{"op":"remove","path":"displayName"}]""", 400, ScimErrorType.InvalidValue },

        // primary (RFC 7643 §2.4).
        { "RFC 7643 §2.4 two primary values in one added value is invalidValue", "User", Alice, """[{"op":"add","path":"emails","value":[{"value":"a@example.com","primary":true},{"value":"b@example.com","primary":true}]}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.4 a replacement set with two primaries is invalidValue", "User", Alice, """[{"op":"replace","path":"emails","value":[{"value":"a@example.com","primary":"True"},{"value":"b@example.com","primary":true}]}]""", 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.4 emails.primary = true on every value is invalidValue", "User", Alice, """[{"op":"replace","path":"emails.primary","value":true}]""", 400, ScimErrorType.InvalidValue },

        // noTarget (RFC 7644 §3.5.2.3).
        { "RFC 7644 §3.5.2.3 replace through a filter that cannot describe a value and matches nothing is noTarget", "User", Alice, """[{"op":"replace","path":"emails[value co \"nobody\"].display","value":"x"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 replace through an 'or' filter that matches nothing is noTarget", "User", Alice, """[{"op":"replace","path":"emails[type eq \"other\" or type eq \"fax\"].value","value":"x"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 replace through a 'not' filter that matches nothing is noTarget", "User", Alice, """[{"op":"replace","path":"phoneNumbers[not (type eq \"work\")].value","value":"x"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.1 add through a 'ne' filter that matches nothing is noTarget", "User", """{"userName":"alice"}""", """[{"op":"add","path":"emails[type ne \"work\"].value","value":"x"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 a value contradicting the filter creates nothing (noTarget)", "Group", Team, """[{"op":"replace","path":"members[value eq \"u9\"]","value":{"value":"u8"}}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 a type contradicting the filter creates nothing (noTarget)", "User", """{"userName":"alice"}""", """[{"op":"add","path":"emails[type eq \"work\"]","value":{"value":"a@example.com","type":"home"}}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 only a lone type comparison creates a value: an 'and' filter that matches nothing is noTarget", "User", """{"userName":"alice"}""", """[{"op":"add","path":"emails[type eq \"work\" and primary eq true].value","value":"alice@work.example"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 a value filter on value that matches nothing is noTarget, never a new value", "User", Alice, """[{"op":"replace","path":"emails[value eq \"nobody@example.com\"].display","value":"x"}]""", 400, ScimErrorType.NoTarget },
        { "RFC 7644 §3.5.2.3 add through members[value eq \"id\"] for a non-member is noTarget", "Group", Team, """[{"op":"add","path":"members[value eq \"u9\"].display","value":"Nine"}]""", 400, ScimErrorType.NoTarget },
        { "Azure AD: type values stay unique, so no second work email is created for a narrower filter", "User", Alice, """[{"op":"replace","path":"emails[type eq \"work\" and primary eq true].value","value":"x@example.com"}]""", 400, ScimErrorType.NoTarget },
    };
    /// <summary>
    /// What strict input refuses (status, scimType) and tolerant input, the default, accepts by ignoring the
    /// attribute no schema defines: (rule, type, before, Operations, status, scimType, tolerant result).
    /// </summary>
    public static TheoryData<string, string, string, string, int, string, string> StrictOnlyCases => new()
    {
        { "RFC 7644 §3.5.2 an unknown attribute is invalidPath", "User", Alice, """[{"op":"replace","path":"favouriteColour","value":"blue"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 an unknown sub-attribute is invalidPath", "User", Alice, """[{"op":"replace","path":"name.nickName","value":"x"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 an unknown sub-attribute after a filter is invalidPath", "User", Alice, """[{"op":"replace","path":"emails[type eq \"work\"].colour","value":"x"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 an unknown enterprise attribute is invalidPath", "User", Alice, """[{"op":"replace","path":"$ENT:favouriteColour","value":"x"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 an unknown enterprise attribute with an object value is invalidPath", "User", Alice, """[{"op":"replace","path":"$ENT:favouriteColour","value":{"a":"b"}}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 a URN continuing the enterprise URN is invalidPath", "User", Alice, """[{"op":"replace","path":"$ENT:manager:value","value":"x"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 a typo in the IETF core namespace is invalidPath", "User", Alice, """[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:Usr:title","value":"x"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 an unknown attribute under the core URN is invalidPath", "User", Alice, """[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:favouriteColour","value":{"a":"b"}}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 the Group schema is not a User attribute", "User", Alice, """[{"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:displayName","value":"x"}]""", 400, ScimErrorType.InvalidPath, Alice },
        { "RFC 7644 §3.5.2 an unknown key in a path-less value is invalidPath", "User", Alice, """[{"op":"replace","value":{"title":"x","favouriteColour":"blue"}}]""", 400, ScimErrorType.InvalidPath, """{"userName":"alice","title":"x","name":{"givenName":"Alice"},"emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home","primary":true}],"$ENT":{"department":"Sales","manager":{"value":"m1"}}}""" },
        { "RFC 7644 §3.5.2 a Group has no userName", "Group", Team, """[{"op":"replace","path":"userName","value":"x"}]""", 400, ScimErrorType.InvalidPath, Team },
        { "RFC 7643 §2.3.8 an unknown sub-attribute in a value is invalidValue", "User", Alice, """[{"op":"add","path":"emails","value":[{"value":"x@example.com","colour":"red"}]}]""", 400, ScimErrorType.InvalidValue, """{"userName":"alice","title":"Engineer","name":{"givenName":"Alice"},"emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home","primary":true},{"value":"x@example.com"}],"$ENT":{"department":"Sales","manager":{"value":"m1"}}}""" },
        { "RFC 7643 §2.3.8 an unknown sub-attribute in a complex value is invalidValue", "User", Alice, """[{"op":"replace","path":"name","value":{"nick":"Al"}}]""", 400, ScimErrorType.InvalidValue, Alice },
    };
}
