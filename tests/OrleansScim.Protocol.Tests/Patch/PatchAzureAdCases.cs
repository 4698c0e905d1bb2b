namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>
/// The two Azure AD (Entra ID) provisioning dialects of design.md, the older one capitalised, with
/// string booleans and array-wrapped values, the newer one RFC-shaped: (rule, type, before, Operations, after).
/// $ENT, $GTU and $GTG stand for the long URNs (see <see cref="Support.Scim.Expand"/>).
/// </summary>
internal static class PatchAzureAdCases
{
    private const string Alice = """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}]}""";

    private const string Team = """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"}]}""";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // Older dialect: user attributes.
        {
            "Azure AD old dialect: \"Replace\" with active \"False\" stores a JSON boolean", "User", Alice,
            """[{"op":"Replace","path":"active","value":"False"}]""",
            """{"userName":"alice","active":false,"emails":[{"value":"alice@home.example","type":"home"}]}"""
        },
        {
            "Azure AD old dialect: \"Add\" with active \"True\"", "User", """{"userName":"alice","active":false}""",
            """[{"op":"Add","path":"active","value":"True"}]""",
            """{"userName":"alice","active":true}"""
        },
        {
            "Azure AD old dialect: a simple value wrapped as [{\"value\":\"False\"}]", "User", Alice,
            """[{"op":"Replace","path":"active","value":[{"value":"False"}]}]""",
            """{"userName":"alice","active":false,"emails":[{"value":"alice@home.example","type":"home"}]}"""
        },
        {
            "Azure AD old dialect: a string value wrapped as [{\"value\":\"x\"}]", "User", Alice,
            """[{"op":"Add","path":"displayName","value":[{"value":"Alice Smith"}]}]""",
            """{"userName":"alice","active":true,"displayName":"Alice Smith","emails":[{"value":"alice@home.example","type":"home"}]}"""
        },
        {
            "Azure AD old dialect: a sub-attribute value wrapped as [{\"value\":\"x\"}]", "User", Alice,
            """[{"op":"Add","path":"name.givenName","value":[{"value":"Alice"}]}]""",
            """{"userName":"alice","active":true,"name":{"givenName":"Alice"},"emails":[{"value":"alice@home.example","type":"home"}]}"""
        },
        {
            "Azure AD old dialect: \"Replace\" path-less with a string boolean", "User", Alice,
            """[{"op":"Replace","value":{"active":"False"}}]""",
            """{"userName":"alice","active":false,"emails":[{"value":"alice@home.example","type":"home"}]}"""
        },
        {
            "Azure AD old dialect: \"Add\" emails[type eq \"work\"].value creates the work email", "User", Alice,
            """[{"op":"Add","path":"emails[type eq \"work\"].value","value":"alice@work.example"}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"},{"type":"work","value":"alice@work.example"}]}"""
        },
        {
            "Azure AD old dialect: \"Replace\" emails[type eq \"work\"].value wrapped in an array", "User", Alice,
            """[{"op":"Replace","path":"emails[type eq \"work\"].value","value":[{"value":"alice@work.example"}]}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"},{"type":"work","value":"alice@work.example"}]}"""
        },
        {
            "Azure AD old dialect: a whole element for a value filter wrapped in an array", "User", Alice,
            """[{"op":"Add","path":"emails[type eq \"work\"]","value":[{"value":"alice@work.example","primary":"True"}]}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"},{"value":"alice@work.example","primary":true,"type":"work"}]}"""
        },
        {
            "Azure AD old dialect: \"Add\" phoneNumbers[type eq \"mobile\"].value", "User", Alice,
            """[{"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0100"}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}],"phoneNumbers":[{"type":"mobile","value":"+1 555 0100"}]}"""
        },
        {
            "Azure AD old dialect: \"Remove\" emails[type eq \"home\"]", "User", Alice,
            """[{"op":"Remove","path":"emails[type eq \"home\"]"}]""",
            """{"userName":"alice","active":true}"""
        },
        {
            "Azure AD old dialect: \"Replace\" externalId and employeeNumber in one request", "User", Alice,
            """[{"op":"Replace","path":"externalId","value":"ext-1"},{"op":"Add","path":"$ENT:employeeNumber","value":"1234"}]""",
            """{"userName":"alice","active":true,"externalId":"ext-1","emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"employeeNumber":"1234"}}"""
        },
        {
            "Azure AD old dialect: \"Replace\" a vendor extension label", "User", Alice,
            """[{"op":"Replace","path":"$GTU:label1","value":"Dispatch"}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}],"$GTU":{"label1":"Dispatch"}}"""
        },

        // The manager in its three shapes.
        {
            "Azure AD: manager as a bare id string", "User", Alice,
            """[{"op":"Add","path":"$ENT:manager","value":"m1"}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "Azure AD: manager as {\"value\":\"id\"}", "User", Alice,
            """[{"op":"replace","path":"$ENT:manager","value":{"value":"m1"}}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "Azure AD: manager as [{\"$ref\":null,\"value\":\"id\"}]", "User", Alice,
            """[{"op":"Replace","path":"$ENT:manager","value":[{"$ref":null,"value":"m1"}]}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "Azure AD: changing the manager replaces the id", "User", """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}""",
            """[{"op":"Replace","path":"$ENT:manager","value":"m2"}]""",
            """{"userName":"alice","$ENT":{"manager":{"value":"m2"}}}"""
        },
        {
            "Azure AD: \"Remove\" of the manager", "User", """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}""",
            """[{"op":"Remove","path":"$ENT:manager"}]""",
            """{"userName":"alice"}"""
        },
        {
            "Azure AD RFC dialect: path-less manager as a bare id under a URN-qualified key", "User", Alice,
            """[{"op":"replace","value":{"$ENT:manager":"m1"}}]""",
            """{"userName":"alice","active":true,"emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"manager":{"value":"m1"}}}"""
        },

        // RFC-compliant dialect.
        {
            "Azure AD RFC dialect: path-less replace with name.givenName and an enterprise URN key", "User", Alice,
            """[{"op":"replace","value":{"name.givenName":"Alice","name.familyName":"Smith","$ENT:employeeNumber":"7","active":false}}]""",
            """{"userName":"alice","active":false,"name":{"givenName":"Alice","familyName":"Smith"},"emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"employeeNumber":"7"}}"""
        },
        {
            "Azure AD RFC dialect: lowercase ops with JSON booleans", "User", Alice,
            """[{"op":"replace","path":"active","value":false}]""",
            """{"userName":"alice","active":false,"emails":[{"value":"alice@home.example","type":"home"}]}"""
        },
        {
            "Azure AD: one tenant mixing both dialects in a request", "User", Alice,
            """[{"op":"Replace","path":"active","value":"False"},{"op":"replace","value":{"name.givenName":"Alice","$ENT:department":"Sales"}}]""",
            """{"userName":"alice","active":false,"name":{"givenName":"Alice"},"emails":[{"value":"alice@home.example","type":"home"}],"$ENT":{"department":"Sales"}}"""
        },

        // Group membership.
        {
            "Azure AD old dialect: \"Remove\" members with a value array removes only the listed member", "Group", Team,
            """[{"op":"Remove","path":"members","value":[{"value":"u2"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u3"},{"value":"u4"}]}"""
        },
        {
            "Azure AD old dialect: \"Remove\" members with several listed removes exactly those", "Group", Team,
            """[{"op":"Remove","path":"members","value":[{"value":"u1"},{"value":"u4"}]}]""",
            """{"displayName":"Team","members":[{"value":"u2"},{"value":"u3"}]}"""
        },
        {
            "Azure AD old dialect: \"Remove\" members with [{\"$ref\":null,\"value\":\"id\"}]", "Group", Team,
            """[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"u3"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u4"}]}"""
        },
        {
            "Azure AD old dialect: \"Remove\" members listing a non-member changes nothing", "Group", Team,
            """[{"op":"Remove","path":"members","value":[{"value":"u9"}]}]""",
            Team
        },
        {
            "Azure AD old dialect: \"Remove\" members with a value on a group without members changes nothing", "Group", """{"displayName":"Team"}""",
            """[{"op":"Remove","path":"members","value":[{"value":"u1"}]}]""",
            """{"displayName":"Team"}"""
        },
        {
            "Azure AD old dialect: \"Remove\" the last listed member drops the attribute", "Group", """{"displayName":"Team","members":[{"value":"u1"}]}""",
            """[{"op":"Remove","path":"members","value":[{"value":"u1"}]}]""",
            """{"displayName":"Team"}"""
        },
        {
            "Azure AD RFC dialect: remove members[value eq \"id\"] removes only that member", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"u2\"]"}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u3"},{"value":"u4"}]}"""
        },
        {
            "Azure AD RFC dialect: several member removals in one request", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"u2\"]"},{"op":"remove","path":"members[value eq \"u3\"]"}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u4"}]}"""
        },
        {
            "Azure AD old dialect: \"Add\" members wrapped as [{\"value\":\"id\"}]", "Group", Team,
            """[{"op":"Add","path":"members","value":[{"value":"u5"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"},{"value":"u5"}]}"""
        },
        {
            "Azure AD: adding many members in one operation", "Group", """{"displayName":"Team"}""",
            """[{"op":"Add","path":"members","value":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"},{"value":"u5"},{"value":"u6"},{"value":"u7"},{"value":"u8"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"},{"value":"u5"},{"value":"u6"},{"value":"u7"},{"value":"u8"}]}"""
        },
        {
            "Azure AD: adding an existing member is a no-op", "Group", Team,
            """[{"op":"Add","path":"members","value":[{"value":"u2"}]}]""",
            Team
        },
        {
            "Azure AD: adding existing and new members adds only the new ones", "Group", Team,
            """[{"op":"Add","path":"members","value":[{"value":"u1"},{"value":"u5"},{"value":"u4"},{"value":"u6"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"},{"value":"u5"},{"value":"u6"}]}"""
        },
        {
            "Azure AD: add and remove members in one request", "Group", Team,
            """[{"op":"Add","path":"members","value":[{"value":"u5"}]},{"op":"Remove","path":"members","value":[{"value":"u1"}]}]""",
            """{"displayName":"Team","members":[{"value":"u2"},{"value":"u3"},{"value":"u4"},{"value":"u5"}]}"""
        },
        {
            "Azure AD: \"Replace\" the group displayName", "Group", Team,
            """[{"op":"Replace","path":"displayName","value":"Dispatch"}]""",
            """{"displayName":"Dispatch","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"}]}"""
        },
        {
            "Azure AD: \"Add\" of members without a value leaves the group as it is", "Group", Team,
            """[{"op":"Add","path":"members"}]""",
            Team
        },
    };
}
