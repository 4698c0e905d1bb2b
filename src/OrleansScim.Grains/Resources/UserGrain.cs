using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

public sealed class UserGrain(
    [PersistentState("user", GrainStorage.Name)] IPersistentState<ResourceState> state,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<UserGrain> logger) : ResourceGrain(state, catalog, options, time, logger), IUserGrain
{
    protected override string ResourceTypeName => ResourceTypeNames.User;

    protected override string EndpointName => "Users";

    public Task<bool> JoinGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: true, cancellationToken);

    public Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ChangeMemberOfAsync(groupId, joined: false, cancellationToken);

    protected override ResourceTypeDefinition ResourceTypeIn(ScimSchemaSet schemas) => schemas.User;

    protected override IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes, Func<string, string> fold)
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

    protected override Task<List<MembershipNotice>> DeletionNoticesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<List<MembershipNotice>>([.. State.MemberOf.Select(groupId => new MembershipNotice(groupId, ResourceTypeNames.Group, NoticeKind.MemberDeleted))]);

    protected override void AddComputedAttributes(JsonObject document)
    {
        if (State.MemberOf.Count == 0)
        {
            return;
        }

        // "groups" is readOnly and computed from the memberships groups told this user about (RFC 7643 §4.1.2).
        var groups = new JsonArray();
        foreach (var groupId in State.MemberOf.Order(StringComparer.Ordinal))
        {
            groups.Add(new JsonObject { ["value"] = groupId, ["type"] = "direct" });
        }

        var meta = document["meta"];
        document.Remove("meta");
        document["groups"] = groups;
        document["meta"] = meta;
    }
}
