using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Membership;
using OrleansScim.Grains.Resources.Kinds;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

/// <summary>
/// The parts one resource activation is composed of, made when it activates (its key names the tenant and
/// id): the record of its state, its index claims, its directory entry, its membership outbox and member
/// list, and its cached response. <see cref="ResourceGrain"/> runs the SCIM operations over them.
/// </summary>
public sealed class ResourceParts
{
    public required IResourceKind Kind { get; init; }

    public required string ResourceId { get; init; }

    public required TenantGrains Tenant { get; init; }

    public required ResourceRecord Record { get; init; }

    public required UniquenessClaims Claims { get; init; }

    public required DirectoryPublication Directory { get; init; }

    public required MembershipOutbox Outbox { get; init; }

    public required ResponseCache Responses { get; init; }

    public required ITenantSchemaCatalog Catalog { get; init; }

    public required ScimGrainOptions Options { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>The resource's member list (set once, right after the parts are made: it is made from them).</summary>
    public IMemberList Members { get; set; } = null!;

    /// <summary>The index values the attributes contribute, normalized for their index (names by their <see cref="IdentityKey"/>).</summary>
    public IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes) => Kind.IndexValuesOf(attributes, IdentityKey.Of);

    /// <summary>The resource type definition (with the tenant's extensions) of this resource.</summary>
    public async Task<ResourceTypeDefinition> TypeAsync(CancellationToken cancellationToken) =>
        Kind.TypeIn(await Catalog.GetAsync(Tenant.TenantKey, cancellationToken));

    /// <summary>The representation: attributes, id, meta and computed attributes (members in buckets are not added here).</summary>
    public JsonObject Compose(ResourceTypeDefinition type, string? location, JsonObject? attributes = null)
    {
        var state = Record.State;
        var meta = new ResourceMeta(Kind.TypeName, state.Created, state.LastModified, state.Version);
        var document = ResourceDocument.Compose(type, ResourceId, attributes ?? Record.Attributes, meta, location);
        Kind.AddComputedAttributes(document, state);
        return document;
    }

    /// <summary>The directory's copy of the committed representation.</summary>
    public DirectoryDocument DocumentOf(ResourceTypeDefinition type, JsonObject? attributes = null) =>
        new(Record.State.Sequence, ResourceId, Record.State.Version, ScimJson.SerializeToUtf8(Compose(type, location: null, attributes)), Members.HasExternalMembers);

    /// <summary>Publishes the committed representation to the directory (after any change of it).</summary>
    public async Task PublishAsync(ResourceTypeDefinition type, CancellationToken cancellationToken)
    {
        if (!Record.Exists)
        {
            return;
        }

        Responses.Clear();
        await Directory.PublishAsync(Responses.DocumentFor(Record.State.Version, () => DocumentOf(type)), cancellationToken);
    }

    /// <summary>Publishes after a change that did not come with the type at hand (a membership notice).</summary>
    public async Task PublishAsync(CancellationToken cancellationToken) => await PublishAsync(await TypeAsync(cancellationToken), cancellationToken);
}
