using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Resources;
using OrleansScim.Grains.Resources.Kinds;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Tests.Parts;

/// <summary>What differs between users and groups outside their members.</summary>
public sealed class ResourceKindTests
{
    [Fact]
    public void AUser_IndexesItsUniqueUserName_ItsExternalId_AndEachDistinctEmail()
    {
        var user = JsonNode.Parse("""{"userName":"Ann","externalId":"X1","emails":[{"value":"a@x.org"},{"value":"A@X.org"},{"value":"b@x.org"}]}""")!.AsObject();

        var values = UserKind.Instance.IndexValuesOf(user, IdentityKey.Of).ToList();

        Assert.Equal(
            [new IndexValue(IndexNames.UserName, IdentityKey.Of("Ann"), true), new IndexValue(IndexNames.UserExternalId, "X1", false),
             new IndexValue(IndexNames.UserEmail, IdentityKey.Of("a@x.org"), false), new IndexValue(IndexNames.UserEmail, IdentityKey.Of("b@x.org"), false)],
            values);
    }

    [Fact]
    public void AGroup_IndexesItsUniqueDisplayName_AndExternalId()
    {
        var group = JsonNode.Parse("""{"displayName":"Ops","externalId":"G1","members":[{"value":"u1"}]}""")!.AsObject();

        Assert.Equal(
            [new IndexValue(IndexNames.GroupDisplayName, IdentityKey.Of("Ops"), true), new IndexValue(IndexNames.GroupExternalId, "G1", false)],
            GroupKind.Instance.IndexValuesOf(group, IdentityKey.Of));
    }

    [Fact]
    public void AGroupPatch_AnswersWithoutABody_UnlessAttributesAreAskedFor_AUserPatchAlwaysWithTheUser()
    {
        var plain = new ResourceRequest { BaseUrl = "https://a" };

        Assert.False(GroupKind.Instance.PatchReturnsRepresentation(plain));
        Assert.True(GroupKind.Instance.PatchReturnsRepresentation(plain with { Attributes = "members" }));
        Assert.True(GroupKind.Instance.PatchReturnsRepresentation(plain with { ExcludedAttributes = "members" }));
        Assert.True(UserKind.Instance.PatchReturnsRepresentation(plain));
    }

    [Fact]
    public void AUsersGroups_AreComputedFromItsMemberships_InIdOrder_BeforeMeta()
    {
        var document = new JsonObject { ["userName"] = "a", ["meta"] = new JsonObject() };
        var state = new ResourceState { MemberOf = new HashSet<string>(["g2", "g1"], StringComparer.Ordinal) };

        UserKind.Instance.AddComputedAttributes(document, state);

        Assert.Equal("""{"userName":"a","groups":[{"value":"g1","type":"direct"},{"value":"g2","type":"direct"}],"meta":{}}""", document.ToJsonString());
    }
}
