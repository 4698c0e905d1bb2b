using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Indexes;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources.Kinds;

public sealed class GroupKind : IResourceKind
{
    public static readonly GroupKind Instance = new();

    private GroupKind()
    {
    }

    public string TypeName => ResourceTypeNames.Group;

    public string EndpointName => "Groups";

    public ResourceTypeDefinition TypeIn(ScimSchemaSet schemas) => schemas.Group;

    public IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes, Func<string, string> fold)
    {
        if (attributes.GetIgnoreCase("displayName") is JsonValue displayName && displayName.TryGetValue<string>(out var name))
        {
            yield return new IndexValue(IndexNames.GroupDisplayName, fold(name), Unique: true);
        }

        if (attributes.GetIgnoreCase("externalId") is JsonValue externalId && externalId.TryGetValue<string>(out var external))
        {
            yield return new IndexValue(IndexNames.GroupExternalId, external, Unique: false);
        }
    }

    /// <summary>RFC 7644 §3.5.2: no body (204) unless the client asked for attributes (Azure AD expects 204 for groups).</summary>
    public bool PatchReturnsRepresentation(ResourceRequest request) =>
        request.Attributes is not null || request.ExcludedAttributes is not null;

    /// <summary>A group has no computed attributes; its members are its own.</summary>
    public void AddComputedAttributes(JsonObject document, ResourceState state)
    {
    }
}
