using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Indexes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources.Kinds;

/// <summary>
/// What differs between a user and a group apart from members: names, schema, index entries, the answer
/// to a PATCH and service-computed attributes. Stateless; one instance per kind.
/// </summary>
public interface IResourceKind
{
    /// <summary>The resource type name, e.g. "User".</summary>
    string TypeName { get; }

    /// <summary>The endpoint name under the SCIM base, e.g. "Users".</summary>
    string EndpointName { get; }

    /// <summary>The resource type definition (with the tenant's extensions) of this kind.</summary>
    ResourceTypeDefinition TypeIn(ScimSchemaSet schemas);

    /// <summary>The index values the attributes contribute, case-insensitive names folded by <paramref name="fold"/>.</summary>
    IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes, Func<string, string> fold);

    /// <summary>Whether a successful PATCH answers with the resource, or with no body (RFC 7644 §3.5.2 allows both).</summary>
    bool PatchReturnsRepresentation(ResourceRequest request);

    /// <summary>Adds service-computed attributes (a user's "groups") to a composed representation.</summary>
    void AddComputedAttributes(JsonObject document, ResourceState state);
}
