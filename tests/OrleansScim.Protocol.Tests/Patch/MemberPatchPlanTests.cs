using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>
/// How a large group reads member PATCH operations without its member list: the plan must lead to the
/// same members as applying the operations to the whole list would (checked against <see cref="PatchEngine"/>).
/// </summary>
public sealed class MemberPatchPlanTests
{
    private static readonly ResourceTypeDefinition Group = ScimSchemaSet.Default.Group;
    private static readonly string[] Current = ["u1", "u2", "u3"];

    [Theory]
    [InlineData("""[{"op":"add","path":"members","value":[{"value":"u4"},{"value":"u5"}]}]""", "u1,u2,u3,u4,u5")]
    [InlineData("""[{"op":"remove","path":"members[value eq \"u2\"]"}]""", "u1,u3")]
    [InlineData("""[{"op":"remove","path":"members","value":[{"value":"u1"},{"value":"u9"}]}]""", "u2,u3")]
    [InlineData("""[{"op":"replace","path":"members","value":[{"value":"u3"},{"value":"u7"}]}]""", "u3,u7")]
    [InlineData("""[{"op":"remove","path":"members"}]""", "")]
    [InlineData("""[{"op":"replace","path":"members","value":[{"value":"u8"}]},{"op":"add","path":"members","value":[{"value":"u2"}]},{"op":"remove","path":"members[value eq \"u8\"]"}]""", "u2")]
    [InlineData("""[{"op":"remove","path":"members[value eq \"u1\"]"},{"op":"add","path":"members","value":[{"value":"u1"}]}]""", "u1,u2,u3")]
    [InlineData("""[{"op":"add","path":"members","value":[{"value":"u6"}]},{"op":"remove","path":"members","value":[{"value":"u6"}]}]""", "u1,u2,u3")]
    public void Plan_LeadsToTheSameMembers_AsApplyingTheOperationsToTheWholeList(string operations, string expected)
    {
        var steps = MemberSteps(operations);
        var plan = MemberPatchPlan.TryCreate(steps, Group, InputRules.Strict());

        Assert.NotNull(plan);
        var planned = Current.Where(id => !plan.Leaves(id)).Union(plan.Adds.Select(MemberPatchPlan.IdOf)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(",", planned));
        Assert.Equal(expected, string.Join(",", AppliedToWholeList(steps)));
    }

    [Fact]
    public void Plan_NamesOnlyTheIdsItRemoves_UnlessEveryCurrentMemberGoes()
    {
        var plan = MemberPatchPlan.TryCreate(MemberSteps("""[{"op":"remove","path":"members[value eq \"u2\"]"},{"op":"add","path":"members","value":[{"value":"u4"}]}]"""), Group, InputRules.Strict())!;

        Assert.False(plan.RemovesAllCurrent);
        Assert.Equal(["u2"], plan.Removes);
        Assert.Equal(["u4"], plan.Adds.Select(MemberPatchPlan.IdOf));
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"members[value eq \"u1\"].display","value":"One"}]""")]
    [InlineData("""[{"op":"remove","path":"members[type eq \"User\"]"}]""")]
    [InlineData("""[{"op":"add","path":"members[value eq \"u1\"]","value":{"display":"One"}}]""")]
    public void OperationsThatNeedTheMemberList_HaveNoPlan(string operations) =>
        Assert.Null(MemberPatchPlan.TryCreate(MemberSteps(operations), Group, InputRules.Strict()));

    private static List<PatchStep> MemberSteps(string operations)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = JsonNode.Parse(operations),
        };
        var steps = PatchPlanner.Plan(PatchRequestParser.Parse(body), Group, WholeList(), InputRules.Strict());
        return [.. steps.Where(s => s.Target.IsCoreAttribute("members"))];
    }

    private static JsonObject WholeList() => new()
    {
        ["displayName"] = "G",
        ["members"] = new JsonArray([.. Current.Select(id => (JsonNode)new JsonObject { ["value"] = id, ["type"] = "User" })]),
    };

    private static IEnumerable<string> AppliedToWholeList(IEnumerable<PatchStep> steps) =>
        GroupMembers.Read(PatchEngine.Apply(WholeList(), steps, Group, InputRules.Strict())).Keys.Order(StringComparer.Ordinal);
}
