namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>RFC 7644 §3.5.2 on Group (RFC 7643 §4.2) members: (rule, type, before, Operations, after).</summary>
internal static class PatchGroupCases
{
    private const string Team = """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"}]}""";

    private const string Empty = """{"displayName":"Team"}""";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        {
            "RFC 7644 §3.5.2.1 add members appends", "Group", Team,
            """[{"op":"add","path":"members","value":[{"value":"u4","type":"User","$ref":"https://scim.example/Users/u4","display":"User Four"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4","type":"User","$ref":"https://scim.example/Users/u4","display":"User Four"}]}"""
        },
        {
            "RFC 7644 §3.5.2.1 add members to a group without members", "Group", Empty,
            """[{"op":"add","path":"members","value":[{"value":"u1"}]}]""",
            """{"displayName":"Team","members":[{"value":"u1"}]}"""
        },
        {
            "RFC 7644 §3.5.2.1 members may be sent as bare ids", "Group", Empty,
            """[{"op":"add","path":"members","value":["u1","u2"]}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"}]}"""
        },
        {
            "RFC 7644 §3.5.2.1 path-less add of members", "Group", Team,
            """[{"op":"add","value":{"members":[{"value":"u4"}]}}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"},{"value":"u4"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove members[value eq \"id\"]", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"u2\"]"}]""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u3"}]}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove members with an 'or' filter", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"u1\" or value eq \"u3\"]"}]""",
            """{"displayName":"Team","members":[{"value":"u2"}]}"""
        },
        {
            "RFC 7643 §4.2 members.value is caseExact: a different case matches nothing", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"U2\"]"}]""",
            Team
        },
        {
            "RFC 7644 §3.5.2.2 remove members[value eq \"id\"] for a non-member changes nothing", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"u9\"]"}]""",
            Team
        },
        {
            "RFC 7644 §3.5.2.2 remove members without a value removes all members", "Group", Team,
            """[{"op":"remove","path":"members"}]""",
            Empty
        },
        {
            "RFC 7644 §3.5.2.3 replace members replaces the whole set", "Group", Team,
            """[{"op":"replace","path":"members","value":[{"value":"u7"},{"value":"u8"}]}]""",
            """{"displayName":"Team","members":[{"value":"u7"},{"value":"u8"}]}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace members with an empty array removes all members", "Group", Team,
            """[{"op":"replace","path":"members","value":[]}]""",
            Empty
        },
        {
            "RFC 7643 §4.2 members.display is readWrite", "Group", Team,
            """[{"op":"replace","path":"members[value eq \"u1\"].display","value":"User One"}]""",
            """{"displayName":"Team","members":[{"value":"u1","display":"User One"},{"value":"u2"},{"value":"u3"}]}"""
        },
        {
            "RFC 7643 §7 an immutable sub-attribute may be set while it has no value", "Group", Team,
            """[{"op":"add","path":"members[value eq \"u1\"].type","value":"User"}]""",
            """{"displayName":"Team","members":[{"value":"u1","type":"User"},{"value":"u2"},{"value":"u3"}]}"""
        },
        {
            "RFC 7643 §7 replacing an immutable value with the same value is allowed", "Group", Team,
            """[{"op":"replace","path":"members[value eq \"u1\"].value","value":"u1"}]""",
            Team
        },
        {
            "RFC 7644 §3.5.2.3 replace a whole member through its filter keeps its value", "Group", Team,
            """[{"op":"replace","path":"members[value eq \"u1\"]","value":{"display":"User One"}}]""",
            """{"displayName":"Team","members":[{"value":"u1","display":"User One"},{"value":"u2"},{"value":"u3"}]}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace displayName", "Group", Team,
            """[{"op":"replace","path":"displayName","value":"Dispatch"}]""",
            """{"displayName":"Dispatch","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"}]}"""
        },
        {
            "RFC 7643 §3.1 add externalId to a group", "Group", Empty,
            """[{"op":"add","path":"externalId","value":"aad-group-1"}]""",
            """{"displayName":"Team","externalId":"aad-group-1"}"""
        },
        {
            "RFC 7644 §3.5.2.3 path-less replace of group attributes", "Group", Team,
            """[{"op":"replace","value":{"displayName":"Dispatch","externalId":"aad-group-1"}}]""",
            """{"displayName":"Dispatch","externalId":"aad-group-1","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"}]}"""
        },
    };
}
