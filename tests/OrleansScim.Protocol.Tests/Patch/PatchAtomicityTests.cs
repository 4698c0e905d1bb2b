using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>RFC 7644 §3.5.2: "each operation ... is applied in sequence ... if an error occurs, the original resource is unchanged".</summary>
public sealed class PatchAtomicityTests
{
    private const string Alice = """{"userName":"alice","title":"Engineer","name":{"givenName":"Alice"},"emails":[{"value":"alice@work.example","type":"work","primary":true}]}""";

    private const string Team = """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"}]}""";

    /// <summary>(rule, type, before, Operations whose last one fails, scimType).</summary>
    public static TheoryData<string, string, string, string, string> LateFailures => new()
    {
        {
            "RFC 7644 §3.5.2 a readOnly target after a good replace fails the whole request", "User", Alice,
            """[{"op":"replace","path":"title","value":"CTO"},{"op":"replace","path":"id","value":"x"}]""", ScimErrorType.Mutability
        },
        {
            "RFC 7644 §3.5.2 a bad value after good operations fails the whole request", "User", Alice,
            """[{"op":"replace","path":"name.givenName","value":"Al"},{"op":"add","path":"emails","value":[{"value":"b@example.com"}]},{"op":"replace","path":"active","value":"maybe"}]""", ScimErrorType.InvalidValue
        },
        {
            "RFC 7644 §3.5.2 removing userName after good operations fails the whole request", "User", Alice,
            """[{"op":"add","path":"nickName","value":"Al"},{"op":"remove","path":"userName"}]""", ScimErrorType.InvalidValue
        },
        {
            "RFC 7644 §3.5.2 a bad path after good operations fails before anything applies", "User", Alice,
            """[{"op":"replace","path":"$ENT:department","value":"Ops"},{"op":"replace","path":"name..givenName","value":"x"}]""", ScimErrorType.InvalidPath
        },
        {
            "RFC 7644 §3.5.2 an unknown op after good operations fails the whole request", "User", Alice,
            """[{"op":"replace","path":"title","value":"CTO"},{"op":"copy","path":"title"}]""", ScimErrorType.InvalidSyntax
        },
        {
            "RFC 7644 §3.5.2.3 noTarget after good operations fails the whole request", "User", Alice,
            """[{"op":"add","path":"$GTU:label1","value":"A"},{"op":"replace","path":"emails[value co \"nobody\"].display","value":"x"}]""", ScimErrorType.NoTarget
        },
        {
            "RFC 7643 §2.4 a second primary after good operations fails the whole request", "User", Alice,
            """[{"op":"remove","path":"title"},{"op":"replace","path":"emails","value":[{"value":"a@example.com","primary":true},{"value":"b@example.com","primary":true}]}]""", ScimErrorType.InvalidValue
        },
        {
            "Azure AD: a member removal then an immutable change fails the whole request", "Group", Team,
            """[{"op":"Remove","path":"members","value":[{"value":"u2"}]},{"op":"Add","path":"members","value":[{"value":"u4"}]},{"op":"replace","path":"members[value eq \"u1\"].value","value":"u9"}]""", ScimErrorType.Mutability
        },
        {
            "Azure AD: removing the group displayName after a member change fails the whole request", "Group", Team,
            """[{"op":"remove","path":"members[value eq \"u1\"]"},{"op":"remove","path":"displayName"}]""", ScimErrorType.InvalidValue
        },
    };

    [Theory]
    [MemberData(nameof(LateFailures))]
    public void Apply_WithALateFailure_ThrowsAndLeavesTheInputUntouched(string rule, string type, string before, string operations, string scimType)
    {
        var input = Json(before);

        AssertScimError(() => PatchEngine.Apply(input, PatchBody(operations), TypeOf(type), InputRules.Strict()), 400, scimType, rule);

        AssertJson(before, input, rule);
    }

    [Fact]
    public void Apply_PlannedSteps_CanBeAppliedAgainWithTheSameResult()
    {
        var current = Json(Alice);
        var operations = PatchRequestParser.Parse(PatchBody("""
            [{"op":"add","path":"emails","value":[{"value":"b@example.com","type":"home","primary":true}]},
             {"op":"replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0100"},
             {"op":"replace","value":{"name.familyName":"Smith","$ENT:manager":"m1"}}]
            """));
        var steps = PatchPlanner.Plan(operations, User, current, InputRules.Strict());

        var first = PatchEngine.Apply(current, steps, User, InputRules.Strict());
        var second = PatchEngine.Apply(current, steps, User, InputRules.Strict());

        AssertJson(first.ToJsonString(), second, "a grain may re-apply planned steps (e.g. on a retried write)");
        AssertJson(Alice, current, "the input is not modified");
    }

    [Fact]
    public void Plan_SplitsAPathlessValueIntoOneStepPerAttribute()
    {
        var operations = PatchRequestParser.Parse(PatchBody("""[{"op":"replace","value":{"title":"CTO","name.givenName":"Al","id":"ignored","$ENT":{"department":"Ops","costCenter":"C"}}}]"""));

        var steps = PatchPlanner.Plan(operations, User, Json(Alice), InputRules.Strict());

        Assert.Equal(["title", "name.givenName", Enterprise + ":department", Enterprise + ":costCenter"], steps.Select(s => s.Target.Text));
        Assert.All(steps, s => Assert.Equal(PatchOperationType.Replace, s.Op));
    }

    [Fact]
    public void Plan_RejectsUndeclaredExtensionsWhenTheTenantDoes()
    {
        var operations = PatchRequestParser.Parse(PatchBody("""[{"op":"replace","path":"$GTU:label1","value":"A"}]"""));

        AssertScimError(() => PatchPlanner.Plan(operations, User, Json(Alice), InputRules.Strict(rejectUndeclaredExtensions: true)), 400, ScimErrorType.InvalidPath, "RFC 7644 §3.5.2 an unregistered schema is an unknown path for this tenant");
        AssertScimError(() => PatchEngine.Apply(Json(Alice), PatchBody("""[{"op":"add","value":{"$GTU":{"label1":"A"}}}]"""), User, InputRules.Strict(rejectUndeclaredExtensions: true)), 400, ScimErrorType.InvalidPath, "path-less extension object of an unregistered schema");
        Assert.Single(PatchPlanner.Plan(operations, User, Json(Alice), InputRules.Strict()));
    }
}
