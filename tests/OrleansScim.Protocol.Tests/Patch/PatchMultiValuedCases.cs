namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>RFC 7644 §3.5.2 on multi-valued attributes, value-path filters and "primary": (rule, type, before, Operations, after).</summary>
internal static class PatchMultiValuedCases
{
    private const string Alice = """
        {"userName":"alice",
         "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
         "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
        """;

    private const string HomeOnly = """{"userName":"alice","emails":[{"value":"alice@home.example","type":"home"}]}""";

    private const string Bare = """{"userName":"alice"}""";

    private const string WithAddress = """{"userName":"alice","addresses":[{"type":"work","streetAddress":"1 Main St","locality":"Springfield"}]}""";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        {
            "RFC 7644 §3.5.2.1 add to a multi-valued attribute appends the new values", "User", Alice,
            """[{"op":"add","path":"emails","value":[{"value":"alice@other.example","type":"other"}]}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"},{"value":"alice@other.example","type":"other"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.1 adding a value already present changes nothing", "User", Alice,
            """[{"op":"add","path":"emails","value":[{"value":"alice@home.example","type":"home"}]}]""",
            Alice
        },
        {
            "RFC 7644 §3.5.2.1 adding a present value with more sub-attributes merges them", "User", Alice,
            """[{"op":"add","path":"emails","value":[{"value":"alice@home.example","type":"home","display":"Home"}]}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home","display":"Home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.1 a single object added to a multi-valued attribute is one value", "User", Bare,
            """[{"op":"add","path":"emails","value":{"value":"alice@work.example","type":"work"}}]""",
            """{"userName":"alice","emails":[{"value":"alice@work.example","type":"work"}]}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace of a multi-valued attribute replaces the whole set", "User", Alice,
            """[{"op":"replace","path":"emails","value":[{"value":"new@work.example","type":"work"}]}]""",
            """{"userName":"alice","emails":[{"value":"new@work.example","type":"work"}],"phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove of a multi-valued attribute removes every value", "User", Alice,
            """[{"op":"remove","path":"emails"}]""",
            """{"userName":"alice","phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove with a value filter removes only the matching values", "User", Alice,
            """[{"op":"remove","path":"emails[type eq \"home\"]"}]""",
            """{"userName":"alice","emails":[{"value":"alice@work.example","type":"work","primary":true}],"phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove with a filter that matches nothing changes nothing", "User", Alice,
            """[{"op":"remove","path":"emails[type eq \"other\"]"}]""",
            Alice
        },
        {
            "Azure AD old dialect: \"Remove\" emails with a value removes only the listed value", "User", Alice,
            """[{"op":"Remove","path":"emails","value":[{"value":"alice@home.example"}]}]""",
            """{"userName":"alice","emails":[{"value":"alice@work.example","type":"work","primary":true}],"phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 removing the last value removes the attribute", "User", Alice,
            """[{"op":"remove","path":"phoneNumbers[value eq \"+1 555 0100\"]"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.3 replace emails[type eq \"work\"].value changes only the work email", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"work\"].value","value":"alice@new.example"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@new.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "Azure AD: replace emails[type eq \"work\"].value without a work email creates it", "User", HomeOnly,
            """[{"op":"replace","path":"emails[type eq \"work\"].value","value":"alice@work.example"}]""",
            """{"userName":"alice","emails":[{"value":"alice@home.example","type":"home"},{"type":"work","value":"alice@work.example"}]}"""
        },
        {
            "Azure AD: add emails[type eq \"work\"].value without a work email creates it", "User", HomeOnly,
            """[{"op":"add","path":"emails[type eq \"work\"].value","value":"alice@work.example"}]""",
            """{"userName":"alice","emails":[{"value":"alice@home.example","type":"home"},{"type":"work","value":"alice@work.example"}]}"""
        },
        {
            "Azure AD: replace emails[type eq \"work\"].value on a user without emails creates the attribute", "User", Bare,
            """[{"op":"replace","path":"emails[type eq \"work\"].value","value":"alice@work.example"}]""",
            """{"userName":"alice","emails":[{"type":"work","value":"alice@work.example"}]}"""
        },
        {
            "Azure AD: type values stay unique, a second replace updates the created work email", "User", Bare,
            """
            [{"op":"replace","path":"emails[type eq \"work\"].value","value":"first@work.example"},
             {"op":"replace","path":"emails[type eq \"work\"].value","value":"second@work.example"}]
            """,
            """{"userName":"alice","emails":[{"type":"work","value":"second@work.example"}]}"""
        },
        {
            "Azure AD: add emails[type eq \"work\"].value with a work email updates it, no duplicate", "User", Alice,
            """[{"op":"add","path":"emails[type eq \"work\"].value","value":"alice@new.example"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@new.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7643 §2.5 type is not caseExact, so emails[type eq \"WORK\"] matches \"work\" (no duplicate)", "User", Alice,
            """[{"op":"replace","path":"emails[TYPE eq \"WORK\"].value","value":"alice@new.example"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@new.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "Azure AD: created elements use the schema's sub-attribute names, not the filter's spelling", "User", Bare,
            """[{"op":"replace","path":"emails[TYPE eq \"work\"]","value":{"VALUE":"alice@work.example"}}]""",
            """{"userName":"alice","emails":[{"value":"alice@work.example","type":"work"}]}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace phoneNumbers[type eq \"mobile\"].value", "User", Alice,
            """[{"op":"replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0199"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0199","type":"mobile"}]}
            """
        },
        {
            "Azure AD: replace phoneNumbers[type eq \"work\"].value creates the work phone", "User", Alice,
            """[{"op":"replace","path":"phoneNumbers[type eq \"work\"].value","value":"+1 555 0200"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"},{"type":"work","value":"+1 555 0200"}]}
            """
        },
        {
            "Azure AD: replace addresses[type eq \"work\"].streetAddress creates the work address", "User", Bare,
            """[{"op":"replace","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"}]""",
            """{"userName":"alice","addresses":[{"type":"work","streetAddress":"1 Main St"}]}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace addresses[type eq \"work\"].locality keeps the other sub-attributes", "User", WithAddress,
            """[{"op":"replace","path":"addresses[type eq \"work\"].locality","value":"Shelbyville"}]""",
            """{"userName":"alice","addresses":[{"type":"work","streetAddress":"1 Main St","locality":"Shelbyville"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove addresses[type eq \"work\"].locality", "User", WithAddress,
            """[{"op":"remove","path":"addresses[type eq \"work\"].locality"}]""",
            """{"userName":"alice","addresses":[{"type":"work","streetAddress":"1 Main St"}]}"""
        },
        {
            "RFC 7644 §3.4.2.2 'and' in a value filter", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"work\" and primary eq true].value","value":"alice@new.example"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@new.example","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.4.2.2 'or' in a value filter updates every match", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"work\" or type eq \"home\"].display","value":"Alice"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true,"display":"Alice"},{"value":"alice@home.example","type":"home","display":"Alice"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.2 remove with an 'or' filter removes every match", "User", Alice,
            """[{"op":"remove","path":"emails[type eq \"work\" or type eq \"home\"]"}]""",
            """{"userName":"alice","phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}"""
        },
        {
            "RFC 7644 §3.4.2.2 value filters may use any operator (ew)", "User", Alice,
            """[{"op":"replace","path":"emails[value ew \"@home.example\"].type","value":"other"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"other"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.2 remove a sub-attribute of the matching values", "User", Alice,
            """[{"op":"remove","path":"emails[type eq \"work\"].primary"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.3 replace a whole matching value; the filter's type is kept", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"alice@new.example","primary":true}}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@new.example","primary":true,"type":"work"},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.3 replace a whole matching value twice gives one value (idempotent)", "User", Alice,
            """
            [{"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"alice@new.example"}},
             {"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"alice@new.example"}}]
            """,
            """
            {"userName":"alice",
             "emails":[{"value":"alice@new.example","type":"work"},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.3 a whole replacement value may change the filtered type itself", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"home\"]","value":{"value":"alice@other.example","type":"other"}}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@other.example","type":"other"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.1 add with a filter merges into the matching value", "User", Alice,
            """[{"op":"add","path":"emails[type eq \"home\"]","value":{"display":"Home"}}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home","display":"Home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.3 a sub-attribute path without a filter addresses every value", "User", Alice,
            """[{"op":"replace","path":"emails.display","value":"Alice"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true,"display":"Alice"},{"value":"alice@home.example","type":"home","display":"Alice"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.3 values made equal by a sub-attribute replace are kept once", "User", """{"userName":"alice","emails":[{"value":"a@example.com"},{"value":"b@example.com"}]}""",
            """[{"op":"replace","path":"emails.value","value":"c@example.com"}]""",
            """{"userName":"alice","emails":[{"value":"c@example.com"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 values made equal by a filtered sub-attribute remove are kept once", "User", """{"userName":"alice","emails":[{"value":"a@example.com","type":"work"},{"value":"a@example.com","type":"home"}]}""",
            """[{"op":"remove","path":"emails[value eq \"a@example.com\"].type"}]""",
            """{"userName":"alice","emails":[{"value":"a@example.com"}]}"""
        },
        {
            "RFC 7643 §2.4 values made equal and primary by a filtered replace stay one primary value", "User", """{"userName":"alice","emails":[{"value":"a@example.com","type":"work"},{"value":"b@example.com","type":"home"}]}""",
            """[{"op":"replace","path":"emails[type eq \"work\" or type eq \"home\"]","value":{"value":"c@example.com","type":"other","primary":true}}]""",
            """{"userName":"alice","emails":[{"value":"c@example.com","type":"other","primary":true}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove a sub-attribute of every value", "User", Alice,
            """[{"op":"remove","path":"emails.primary"}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7644 §3.5.2.1 add a sub-attribute path when the attribute is absent creates one value", "User", Bare,
            """[{"op":"add","path":"emails.value","value":"alice@work.example"}]""",
            """{"userName":"alice","emails":[{"value":"alice@work.example"}]}"""
        },
        {
            "RFC 7644 §3.5.2.1 path-less add of a multi-valued attribute appends", "User", HomeOnly,
            """[{"op":"add","value":{"emails":[{"value":"alice@work.example","type":"work"}]}}]""",
            """{"userName":"alice","emails":[{"value":"alice@home.example","type":"home"},{"value":"alice@work.example","type":"work"}]}"""
        },
        {
            "RFC 7644 §3.5.2.3 path-less replace of a multi-valued attribute replaces the set", "User", Alice,
            """[{"op":"replace","value":{"emails":[{"value":"alice@work.example","type":"work"}]}}]""",
            """{"userName":"alice","emails":[{"value":"alice@work.example","type":"work"}],"phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}"""
        },
        {
            "Azure AD RFC dialect: a path-less key may be a value path", "User", HomeOnly,
            """[{"op":"replace","value":{"emails[type eq \"work\"].value":"alice@work.example"}}]""",
            """{"userName":"alice","emails":[{"value":"alice@home.example","type":"home"},{"type":"work","value":"alice@work.example"}]}"""
        },

        // RFC 7643 §2.4: at most one value is primary.
        {
            "RFC 7643 §2.4 adding a primary value clears primary on the others", "User", Alice,
            """[{"op":"add","path":"emails","value":[{"value":"alice@other.example","type":"other","primary":true}]}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home"},{"value":"alice@other.example","type":"other","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7643 §2.4 making a value primary through a filter clears the old primary", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"home\"].primary","value":true}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7643 §2.4 re-adding an existing value as primary moves the primary flag", "User", Alice,
            """[{"op":"add","path":"emails","value":[{"value":"alice@home.example","type":"home","primary":true}]}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7643 §2.4 a path-less add of a primary value clears the old primary", "User", Alice,
            """[{"op":"add","value":{"emails":[{"value":"alice@other.example","type":"other","primary":"True"}]}}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home"},{"value":"alice@other.example","type":"other","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7643 §2.4 a created primary value clears the old primary", "User", Alice,
            """[{"op":"add","path":"emails[type eq \"other\"]","value":{"value":"alice@other.example","primary":true}}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work"},{"value":"alice@home.example","type":"home"},{"value":"alice@other.example","primary":true,"type":"other"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
        {
            "RFC 7643 §2.4 primary false is kept and does not clear the primary", "User", Alice,
            """[{"op":"replace","path":"emails[type eq \"home\"].primary","value":false}]""",
            """
            {"userName":"alice",
             "emails":[{"value":"alice@work.example","type":"work","primary":true},{"value":"alice@home.example","type":"home","primary":false}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """
        },
    };
}
