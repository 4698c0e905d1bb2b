using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
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
    Task<ScimResponse> ListAsync(string tenantKey, string resourceType, ListRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// Stateless and local to the calling silo. A filter that pins an indexed attribute with <c>eq</c>
/// (id, userName, externalId, emails.value, displayName, members) is answered from the index in O(1)
/// grain calls; anything else asks the directory segments, which hold bounded slices of the tenant.
/// </summary>
[StatelessWorker]
public sealed class DirectoryQueryGrain(ITenantSchemaCatalog catalog, IOptions<ScimGrainOptions> options) : Grain, IDirectoryQueryGrain
{
    public async Task<ScimResponse> ListAsync(string tenantKey, string resourceType, ListRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var schemas = await catalog.GetAsync(tenantKey, cancellationToken);
            var type = resourceType == ResourceTypeNames.User ? schemas.User : schemas.Group;
            var startIndex = Math.Max(1, request.StartIndex ?? 1);
            var count = Math.Clamp(request.Count ?? options.Value.DefaultPageSize, 0, options.Value.MaxPageSize);
            var projection = AttributeProjection.Create(type, request.Attributes, request.ExcludedAttributes);
            var filter = request.Filter is null ? null : ScimFilter.Parse(request.Filter, type);
            var scope = new QueryScope(GrainFactory, tenantKey, resourceType, options.Value);

            long total;
            IReadOnlyList<DirectoryDocument> page;
            var candidates = filter is null ? null : await IndexCandidatesAsync(scope, filter, cancellationToken);
            if (candidates is not null)
            {
                var matching = await scope.SnapshotsAsync(candidates, filter!, cancellationToken);
                total = matching.Count;
                page = [.. matching.Skip(startIndex - 1).Take(count)];
            }
            else
            {
                (total, page) = await scope.ScanAsync(request.Filter, startIndex, count, cancellationToken);
            }

            var resources = new List<JsonNode>(page.Count);
            foreach (var document in page)
            {
                var json = ScimJson.ParseTrusted(document.Json);
                ResourceDocument.SetLocation(json, $"{request.BaseUrl}/{type.Endpoint.TrimStart('/')}/{GrainKeys.Encode(document.Id)}");
                resources.Add(projection.Apply(json));
            }

            return ScimResponses.Json(200, ListResponse.Build(total, startIndex, resources));
        }
        catch (ScimException e)
        {
            return ScimResponses.Error(e);
        }
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
                var value = foldCase ? equality.Value.ToUpperInvariant() : equality.Value;
                return await GrainFactory.GetGrain<IIndexGrain>(GrainKeys.Index(scope.TenantKey, index, value)).GetOwnersAsync(cancellationToken);
            }
        }

        if (!isUser && Find("members.value") is { } member)
        {
            // The member keeps the other side of the relation: its groups are the only candidates.
            var key = GrainKeys.Resource(scope.TenantKey, member.Value);
            var asUser = await GrainFactory.GetGrain<IUserGrain>(key).GetGroupIdsAsync(cancellationToken);
            var asGroup = await GrainFactory.GetGrain<IGroupGrain>(key).GetGroupIdsAsync(cancellationToken);
            return [.. asUser.Union(asGroup)];
        }

        return null;
    }
}
