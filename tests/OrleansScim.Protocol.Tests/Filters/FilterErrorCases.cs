using static OrleansScim.Protocol.Tests.Filters.FilterFixtures;

namespace OrleansScim.Protocol.Tests.Filters;

/// <summary>
/// Filters that must be rejected with 400 invalidFilter (RFC 7644 §3.4.2.2 and §3.12): (what is
/// checked, resource type, filter, the 0-based position the detail names or null for binding errors).
/// </summary>
internal static class FilterErrorCases
{
    private const string Ent = Enterprise + ":";
    private const string Tst = Test + ":";

    public static TheoryData<string, string, string, int?> Invalid { get; } = new()
    {
        // Syntax (§3.4.2.2 ABNF), each naming where the problem is.
        { "§3.4.2.2 empty filter", "user", "", null },
        { "§3.4.2.2 blank filter", "user", "   ", null },
        { "§3.4.2.2 unknown operator", "user", "userName xx \"a\"", 9 },
        { "§3.4.2.2 word operator", "user", "userName equals \"a\"", 9 },
        { "§3.4.2.2 symbolic operator", "user", "userName = \"a\"", 9 },
        { "§3.4.2.2 missing operator", "user", "userName", 8 },
        { "§3.4.2.2 missing value", "user", "userName eq", 11 },
        { "§3.4.2.2 missing value before parenthesis", "user", "(userName eq)", 12 },
        { "§3.4.2.2 unquoted value", "user", "userName eq abc", 12 },
        { "§3.4.2.2 single-quoted value", "user", "userName eq 'abc'", 12 },
        { "§3.4.2.2 unterminated string", "user", "userName eq \"abc", 12 },
        { "§3.4.2.2 unterminated string after escape", "user", "userName eq \"abc\\", 12 },
        { "§3.4.2.2 bad escape", "user", "userName eq \"a\\qb\"", 14 },
        { "§3.4.2.2 bad \\u escape", "user", "userName eq \"\\u12G4\"", 13 },
        { "RFC 8259 §8.2 an unpaired high surrogate escape", "user", "userName eq \"sur\\ud800\"", 12 },
        { "RFC 8259 §8.2 an unpaired low surrogate escape", "user", "userName eq \"\\udc00\"", 12 },
        { "§3.4.2.2 short \\u escape", "user", "userName eq \"\\u12\"", 13 },
        { "§3.4.2.2 unescaped control character", "user", "userName eq \"a\tb\"", 14 },
        { "§3.4.2.2 number with leading zero", "testUser", Tst + "badge eq 01", 65 },
        { "§3.4.2.2 number with trailing dot", "testUser", Tst + "badge eq 1.", 65 },
        { "§3.4.2.2 number with leading dot", "testUser", Tst + "badge eq .5", 65 },
        { "§3.4.2.2 number with plus sign", "testUser", Tst + "badge eq +1", 65 },
        { "§3.4.2.2 number with empty exponent", "testUser", Tst + "badge eq 1e", 65 },
        { "§3.4.2.2 trailing garbage", "user", "userName eq \"a\" garbage", 16 },
        { "§3.4.2.2 two values", "user", "userName eq \"a\" \"b\"", 16 },
        { "§3.4.2.2 dangling and", "user", "userName eq \"a\" and", 19 },
        { "§3.4.2.2 dangling or", "user", "userName eq \"a\" or ", 19 },
        { "§3.4.2.2 leading and", "user", "and userName eq \"a\"", 4 },
        { "§3.4.2.2 not without parentheses", "user", "not userName eq \"a\"", 4 },
        { "§3.4.2.2 not alone", "user", "not", 3 },
        { "§3.4.2.2 unclosed parenthesis", "user", "(userName eq \"a\"", 16 },
        { "§3.4.2.2 unopened parenthesis", "user", "userName eq \"a\")", 15 },
        { "§3.4.2.2 empty parentheses", "user", "()", 1 },
        { "§3.4.2.2 unclosed bracket", "user", "emails[type eq \"work\"", 21 },
        { "§3.4.2.2 unopened bracket", "user", "userName eq \"a\"]", 15 },
        { "§3.4.2.2 bracket closed by parenthesis", "user", "emails[type eq \"work\")", 21 },
        { "§3.4.2.2 empty value path", "user", "emails[]", 7 },
        { "§3.4.2.2 nested value path", "user", "emails[type[value eq \"x\"] eq \"y\"]", 11 },
        { "§3.4.2.2 URN inside value path", "user", "emails[urn:x:y eq \"a\"]", 7 },
        { "§3.4.2.2 sub-attribute path inside value path", "user", "emails[type.x eq \"a\"]", 7 },
        { "§3.4.2.2 value path on sub-attribute", "user", "name.givenName[value eq \"x\"]", 14 },
        { "§3.4.2.2 invalid attribute name", "user", "1abc eq \"x\"", 0 },
        { "§3.4.2.2 invalid attribute character", "user", "user$name eq \"x\"", 0 },
        { "§3.4.2.2 URI without urn scheme", "user", "http://x:userName eq \"x\"", 0 },
        { "§3.4.2.2 invalid sub-attribute after value path", "user", "emails[type eq \"work\"].1x eq \"x\"", 22 },
        { "§3.4.2.2 bad operator after value path", "user", "emails[type eq \"work\"].value xx \"x\"", 29 },
        { "§3.4.2.2 value path followed by operator", "user", "emails[type eq \"work\"] eq \"x\"", 23 },

        // Binding (§3.4.2.2: "invalidFilter" for unknown attributes and meaningless comparisons).
        { "§3.4.2.2 unknown attribute", "user", "foo eq \"x\"", null },
        { "§3.4.2.2 unknown sub-attribute", "user", "name.foo eq \"x\"", null },
        { "§3.4.2.2 unknown sub-attribute in value path", "user", "emails[foo eq \"x\"]", null },
        { "§3.4.2.2 unknown sub-attribute after value path", "user", "emails[type eq \"work\"].foo eq \"x\"", null },
        { "§3.4.2.2 unknown enterprise attribute", "user", Ent + "foo eq \"x\"", null },
        { "§3.4.2.2 user attribute on group", "group", "userName eq \"x\"", null },
        { "§3.4.2.2 gt on boolean", "user", "active gt true", null },
        { "§3.4.2.2 le on boolean", "user", "active le false", null },
        { "§3.4.2.2 co on boolean", "user", "active co \"t\"", null },
        { "§3.4.2.2 boolean compared with other string", "user", "active eq \"yes\"", null },
        { "§3.4.2.2 boolean compared with number", "user", "active eq 1", null },
        { "§3.4.2.2 co on number", "testUser", Tst + "badge co 4", null },
        { "§3.4.2.2 sw on number", "testUser", Tst + "score sw 3", null },
        { "§3.4.2.2 number compared with string", "testUser", Tst + "badge eq \"42\"", null },
        { "§3.4.2.2 string compared with number", "user", "userName eq 42", null },
        { "§3.4.2.2 string compared with boolean", "user", "userName eq true", null },
        { "§3.4.2.2 dateTime compared with non-date", "user", "meta.created gt \"yesterday\"", null },
        { "§3.4.2.2 dateTime compared with number", "user", "meta.created gt 5", null },
        { "§3.4.2.2 gt on complex attribute", "user", "name gt \"a\"", null },
        { "§3.4.2.2 gt on multi-valued complex attribute", "user", "emails gt \"a\"", null },
        { "§3.4.2.2 eq on complex attribute without value", "user", "name eq \"x\"", null },
        { "§3.4.2.2 gt null", "user", "userName gt null", null },
        { "§3.4.2.2 co null", "user", "userName co null", null },
        { "§3.4.2.2 co on undeclared with number", "user", GroupTalk + ":label2 co 4", null },
        { "§3.4.2.2 gt on undeclared with boolean", "user", GroupTalk + ":label3 gt true", null },
        { "RFC 7643 §4.1.1 password is never returned, so never filtered", "user", "password eq \"secret\"", null },
        { "§3.4.2.2 value path on simple attribute", "user", "userName[value eq \"x\"]", null },
        { "§3.4.2.2 value path on boolean sub-attribute type", "user", "emails[primary gt true]", null },

        // Limits.
        { "§3.4.2.2 too long", "user", "userName eq \"" + new string('a', 4085) + "\"", null },
        { "§3.4.2.2 too deep", "user", new string('(', 33) + "userName pr" + new string(')', 33), 32 },
        { "§3.4.2.2 too deep with not", "user", string.Concat(Enumerable.Repeat("not (", 33)) + "userName pr" + new string(')', 33), 164 },
        { "§3.4.2.2 too many expressions", "user", string.Join(" or ", Enumerable.Repeat("id pr", 251)), null },
    };
}
