using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Indexes;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources.Kinds;

public sealed class UserKind : IResourceKind
{
    public static readonly UserKind Instance = new();

    private UserKind()
    {
    }

    public string TypeName => ResourceTypeNames.User;

    public string EndpointName => "Users";

    public ResourceTypeDefinition TypeIn(ScimSchemaSet schemas) => schemas.User;

    public IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes, Func<string, string> fold)
    {
        if (attributes.GetIgnoreCase("userName") is JsonValue userName && userName.TryGetValue<string>(out var name))
        {
            // userName is unique without regard to case (RFC 7643 §4.1.1, caseExact false) or Unicode spelling.
            yield return new IndexValue(IndexNames.UserName, fold(name), Unique: true);
        }

        if (attributes.GetIgnoreCase("externalId") is JsonValue externalId && externalId.TryGetValue<string>(out var external))
        {
            yield return new IndexValue(IndexNames.UserExternalId, external, Unique: false);
        }

        if (attributes.GetIgnoreCase("emails") is JsonArray emails)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var email in emails.OfType<JsonObject>())
            {
                if (email.GetIgnoreCase("value") is JsonValue value && value.TryGetValue<string>(out var address) && seen.Add(fold(address)))
                {
                    yield return new IndexValue(IndexNames.UserEmail, fold(address), Unique: false);
                }
            }
        }
    }

    public bool PatchReturnsRepresentation(ResourceRequest request) => true;

    public void AddComputedAttributes(JsonObject document, ResourceState state)
    {
        if (state.MemberOf.Count == 0)
        {
            return;
        }

        // "groups" is readOnly and computed from the memberships groups told this user about (RFC 7643 §4.1.2).
        var groups = new JsonArray();
        foreach (var groupId in state.MemberOf.Order(StringComparer.Ordinal))
        {
            groups.Add(new JsonObject { ["value"] = groupId, ["type"] = "direct" });
        }

        var meta = document["meta"];
        document.Remove("meta");
        document["groups"] = groups;
        document["meta"] = meta;
    }
}
