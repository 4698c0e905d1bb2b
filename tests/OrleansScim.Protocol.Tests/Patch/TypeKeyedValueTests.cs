using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Tests.Support;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>
/// design.md: "type values within one multi-valued attribute are unique" — Azure AD addresses emails,
/// phone numbers and addresses by type (emails[type eq "work"]), so a user never has two work emails.
/// </summary>
public sealed class TypeKeyedValueTests
{
    [Fact]
    public void Add_EmailOfATypeThatExists_ReplacesThatEmailsValue()
    {
        var result = Scim.ApplyPatch("User",
            """{"userName":"a","emails":[{"value":"old@work.example","type":"work","primary":true},{"value":"a@home.example","type":"home"}]}""",
            """[{"op":"Add","path":"emails","value":[{"value":"new@work.example","type":"work"}]}]""");

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"value":"new@work.example","type":"work","primary":true},{"value":"a@home.example","type":"home"}]"""),
            result["emails"]), result.ToJsonString());
    }

    [Fact]
    public void Add_EmailOfANewType_Appends()
    {
        var result = Scim.ApplyPatch("User",
            """{"userName":"a","emails":[{"value":"a@work.example","type":"work"}]}""",
            """[{"op":"add","path":"emails","value":[{"value":"a@home.example","type":"home"}]}]""");

        Assert.Equal(2, result["emails"]!.AsArray().Count);
    }

    [Fact]
    public void Create_WithTwoWorkEmails_IsInvalidValue()
    {
        Scim.AssertScimError(
            () => Scim.Normalize("User", """{"userName":"a","emails":[{"value":"x@a.example","type":"work"},{"value":"y@a.example","type":"Work"}]}"""),
            400, "invalidValue", "two values of one type");
    }

    [Fact]
    public void Replace_ThatWouldLeaveTwoWorkEmails_IsInvalidValueAndChangesNothing()
    {
        var before = Scim.Json("""{"userName":"a","emails":[{"value":"w@a.example","type":"work"},{"value":"h@a.example","type":"home"}]}""");
        var snapshot = before.DeepClone();

        Scim.AssertScimError(
            () => OrleansScim.Protocol.Patch.PatchEngine.Apply(before, Scim.PatchBody("""[{"op":"replace","path":"emails[type eq \"home\"]","value":{"value":"z@a.example","type":"work"}}]"""), Scim.User, InputRules.Strict()),
            400, "invalidValue", "the home email would become a second work email");
        Assert.True(JsonNode.DeepEquals(snapshot, before));
    }

    [Fact]
    public void Remove_WorkEmailValue_RemovesTheWholeWorkEmail()
    {
        var result = Scim.ApplyPatch("User",
            """{"userName":"a","emails":[{"value":"w@a.example","type":"work","primary":true},{"value":"h@a.example","type":"home"}]}""",
            """[{"op":"remove","path":"emails[type eq \"work\"].value"}]""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"value":"h@a.example","type":"home"}]"""), result["emails"]), result.ToJsonString());
    }

    [Fact]
    public void Members_AreNotTypeKeyed_ManyUsersMayBeMembers()
    {
        var result = Scim.ApplyPatch("Group",
            """{"displayName":"g","members":[{"value":"u1","type":"User"}]}""",
            """[{"op":"add","path":"members","value":[{"value":"u2","type":"User"}]}]""");

        Assert.Equal(2, result["members"]!.AsArray().Count);
    }
}
