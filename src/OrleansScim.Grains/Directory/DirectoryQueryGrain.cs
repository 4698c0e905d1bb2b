using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Listing;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Directory;

/// <summary>Answers list and search requests (RFC 7644 §3.4.2) for one tenant and resource type.</summary>
[Alias("scim.IDirectoryQueryGrain")]
public interface IDirectoryQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<ListResult> ListAsync(string tenantKey, string resourceType, ListRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// Stateless and local to the calling silo. A filter that pins an indexed attribute with <c>eq</c>
/// (id, userName, externalId, emails.value, displayName, members) is answered from the index in O(1)
/// grain calls; anything else asks the directory segments, which hold bounded slices of the tenant.
/// Reentrant: it keeps no state, and a stateless worker that is not reentrant serves one request at a time
/// per activation, at most one activation per core, so every list and filter in the silo would queue behind
/// as many storage round trips as the silo has cores (on two cores with durable storage, two filters at a time).
/// </summary>
[StatelessWorker, Reentrant]
public sealed class DirectoryQueryGrain(ITenantSchemaCatalog catalog, IndexStore indexStore, IOptions<ScimGrainOptions> options) : Grain, IDirectoryQueryGrain
{
    public async Task<ListResult> ListAsync(string tenantKey, string resourceType, ListRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var schemas = await catalog.GetAsync(tenantKey, cancellationToken);
            var type = resourceType == ResourceTypeNames.User ? schemas.User : schemas.Group;
            if (request.Cursor is not null && request.StartIndex is not null)
            {
                throw ScimException.InvalidValue("Use either cursor or startIndex paging, not both (RFC 9865).");
            }

            var count = Math.Clamp(request.Count ?? options.Value.DefaultPageSize, 0, options.Value.MaxPageSize);
            var rules = schemas.NewInputRules();
            var projection = AttributeProjection.Create(type, request.Attributes, request.ExcludedAttributes, rules);
            var filter = request.Filter is null ? null : ScimFilter.Parse(request.Filter, type, rules.FilterOptions);
            var sort = SortSpec.Create(type, request.SortBy, request.SortOrder);
            // Hashed only for cursor paging (a SHA-256 per request showed in the filter's CPU profile).
            var fingerprint = request.Cursor is null ? null : ListingCursor.Fingerprint(resourceType, filter?.ToString(), sort);
            var cursor = request.Cursor switch
            {
                null => null,
                "" => new ListingCursor(-1, null, fingerprint!),
                _ => ListingCursor.Decode(request.Cursor, fingerprint!),
            };
            var paging = new Paging(Math.Max(1, request.StartIndex ?? 1), count, cursor);
            var scope = new QueryScope(GrainFactory, tenantKey, resourceType, options.Value);

            var candidates = filter is null ? null : await IndexCandidatesAsync(scope, filter, cancellationToken);
            if (candidates is null && filter is not null && resourceType == ResourceTypeNames.Group && filter.References("members"))
            {
                // Large groups keep members outside the cached representations: check each group itself.
                candidates = await scope.AllIdsAsync(cancellationToken);
            }

            var page = candidates is not null
                ? await scope.PageCandidatesAsync(candidates, filter!, sort, paging, cancellationToken)
                : await scope.ScanAsync(request.Filter, sort, request.SortBy, paging, cancellationToken);

            var resources = new List<byte[]>(page.Documents.Count);
            for (var i = 0; i < page.Documents.Count; i++)
            {
                var document = page.Documents[i];
                var json = page.Parsed?[i] ?? ScimJson.ParseTrusted(document.Json);
                if (document.MembersExternal && projection.Includes("members"))
                {
                    await scope.AddMembersAsync(json, document.Id, null, cancellationToken);
                    MoveMetaLast(json);
                }

                ResourceDocument.SetLocation(json, GrainKeys.Location(request.BaseUrl, type.Endpoint.TrimStart('/'), document.Id));
                resources.Add(ScimJson.SerializeToUtf8(projection.Apply(json)));
            }

            var nextCursor = cursor is not null && page.HasMore && page.Last is { } last
                ? new ListingCursor(last.Sequence, last.SortKey, fingerprint!).Encode()
                : null;
            return new ListResult { TotalResults = page.Total, StartIndex = paging.StartIndex, Resources = resources, NextCursor = nextCursor, IncludeStartIndex = cursor is null };
        }
        catch (ScimException e)
        {
            return ListResult.Refused(e);
        }
    }

    private static void MoveMetaLast(JsonObject document)
    {
        var meta = document["meta"];
        document.Remove("meta");
        document["meta"] = meta;
    }

    /// <summary>Ids that can match, from the most selective indexed equality; null when the filter pins no index.</summary>
    private async Task<IReadOnlyCollection<string>?> IndexCandidatesAsync(QueryScope scope, ScimFilter filter, CancellationToken cancellationToken)
    {
        var equalities = filter.RequiredEqualities;
        FilterEquality? Find(string path) => equalities.FirstOrDefault(e => string.Equals(e.Path, path, StringComparison.OrdinalIgnoreCase));

        if (Find("id") is { } id)
        {
            return [id.Value];
        }

        var isUser = scope.ResourceType == ResourceTypeNames.User;
        (string Path, string Index, bool FoldCase)[] indexes = isUser
            ? [("userName", IndexNames.UserName, true), ("externalId", IndexNames.UserExternalId, false), ("emails.value", IndexNames.UserEmail, true)]
            : [("displayName", IndexNames.GroupDisplayName, true), ("externalId", IndexNames.GroupExternalId, false)];
        foreach (var (path, index, foldCase) in indexes)
        {
            if (Find(path) is { } equality)
            {
                var value = foldCase ? IdentityKey.Of(equality.Value) : equality.Value;
                return await indexStore.GetOwnersAsync(GrainKeys.Index(scope.TenantKey, index, value));
            }
        }

        if (!isUser && Find("members.value") is { } member)
        {
            if (!GrainKeys.CanBeResourceId(member.Value))
            {
                return [];
            }

            // The member keeps the other side of the relation: its groups are the only candidates.
            var tenant = new TenantGrains(GrainFactory, scope.TenantKey);
            var asUser = await tenant.User(member.Value).GetGroupIdsAsync(cancellationToken);
            var asGroup = await tenant.Group(member.Value).GetGroupIdsAsync(cancellationToken);
            return [.. asUser.Union(asGroup)];
        }

        return null;
    }
}
