using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Benchmarks;

/// <summary>
/// <see cref="PatchEngine.Apply(JsonObject, JsonObject, ResourceTypeDefinition, InputRules)"/> end to end
/// (parse the PatchOp, plan, copy the resource, apply, validate), as a grain runs it per PATCH.
/// </summary>
[MemoryDiagnoser]
public class PatchBenchmarks
{
    private const int GroupSize = 1000;
    private const int BatchSize = 100;

    private JsonObject _user = null!;
    private JsonObject _userUpdate = null!;
    private JsonObject _group = null!;
    private JsonObject _addMembers = null!;
    private JsonObject _removeMembers = null!;
    private JsonObject _removeOneMemberByFilter = null!;
    private JsonArray _memberArray = null!;

    [GlobalSetup]
    public void Setup()
    {
        _user = Samples.UserAttributes();

        // A typical Azure AD user update, RFC dialect: a simple replace, a path-less replace with a
        // dotted core key and a URN-qualified enterprise key, and a value-path replace of the work email.
        _userUpdate = Samples.PatchBody(
            new JsonObject { ["op"] = "replace", ["path"] = "active", ["value"] = false },
            new JsonObject
            {
                ["op"] = "replace",
                ["value"] = new JsonObject
                {
                    ["name.givenName"] = "Annika",
                    [SchemaUris.EnterpriseUser + ":employeeNumber"] = "104730",
                },
            },
            new JsonObject { ["op"] = "replace", ["path"] = "emails[type eq \"work\"].value", ["value"] = "annika.lindqvist@contoso.com" });

        var members = Samples.MemberIds(GroupSize, seed: 1);
        _group = Samples.GroupAttributes(members);
        _addMembers = Samples.PatchBody(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "members",
            ["value"] = Samples.MemberValues(Samples.MemberIds(BatchSize, seed: 2)),
        });

        // Azure AD's older dialect: remove only the listed members (spread over the group).
        _removeMembers = Samples.PatchBody(new JsonObject
        {
            ["op"] = "Remove",
            ["path"] = "members",
            ["value"] = Samples.MemberValues(members.Where((_, i) => i % (GroupSize / BatchSize) == 0)),
        });

        // The RFC dialect of a single removal, near the end of the list.
        _removeOneMemberByFilter = Samples.PatchBody(new JsonObject
        {
            ["op"] = "remove",
            ["path"] = $"members[value eq \"{members[GroupSize - 10]}\"]",
        });

        _memberArray = (JsonArray)_group["members"]!.DeepClone();

        Check(UserUpdate_AzureAd(), r => r["active"]!.GetValue<bool>() == false && r["name"]!["givenName"]!.GetValue<string>() == "Annika"
            && r["emails"]![0]!["value"]!.GetValue<string>() == "annika.lindqvist@contoso.com");
        Check(Group_AddMembers_100_To_1000(), r => r["members"]!.AsArray().Count == GroupSize + BatchSize);
        Check(Group_RemoveMembers_ValueArray_100_Of_1000(), r => r["members"]!.AsArray().Count == GroupSize - BatchSize);
        Check(Group_RemoveMember_ByFilter_1_Of_1000(), r => r["members"]!.AsArray().Count == GroupSize - 1);
        if (Group_RemoveDuplicates_1000_Component().Count != GroupSize)
        {
            throw new InvalidOperationException("Benchmark input is wrong: the sample members have duplicates.");
        }

        // Again: the engine must leave its inputs alone, or repeated invocations would measure different work.
        Check(Group_AddMembers_100_To_1000(), r => r["members"]!.AsArray().Count == GroupSize + BatchSize);
    }

    [Benchmark]
    public JsonObject UserUpdate_AzureAd() => PatchEngine.Apply(_user, _userUpdate, Samples.User, InputRules.Strict());

    [Benchmark]
    public JsonObject Group_AddMembers_100_To_1000() => PatchEngine.Apply(_group, _addMembers, Samples.Group, InputRules.Strict());

    [Benchmark]
    public JsonObject Group_RemoveMembers_ValueArray_100_Of_1000() => PatchEngine.Apply(_group, _removeMembers, Samples.Group, InputRules.Strict());

    [Benchmark]
    public JsonObject Group_RemoveMember_ByFilter_1_Of_1000() => PatchEngine.Apply(_group, _removeOneMemberByFilter, Samples.Group, InputRules.Strict());

    /// <summary>
    /// Component: the duplicate check the engine runs over the whole attribute after a filtered
    /// operation. The members are distinct, so nothing is removed and every invocation does the same work.
    /// </summary>
    [Benchmark]
    public JsonArray Group_RemoveDuplicates_1000_Component()
    {
        MultiValuedRules.RemoveDuplicates(_memberArray);
        return _memberArray;
    }

    /// <summary>Baseline: the copy every group PATCH makes before applying (PatchOp atomicity).</summary>
    [Benchmark]
    public JsonNode Group_DeepClone_1000_Baseline() => _group.DeepClone();

    private static void Check(JsonObject result, Func<JsonObject, bool> expected)
    {
        if (!expected(result))
        {
            throw new InvalidOperationException("Benchmark input is wrong: the PATCH did not give the expected result.");
        }
    }
}
