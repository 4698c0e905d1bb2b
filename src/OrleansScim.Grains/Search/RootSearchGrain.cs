using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Grains.Search;

/// <summary>
/// Stateless and local to the calling silo. The combined list is the tenant's Users followed by its
/// Groups; each type is asked through <see cref="IDirectoryQueryGrain"/> (so indexes, paging and
/// projection work exactly as on /Users and /Groups) for the part of the page that falls into it,
/// and for its total alone when the page ends before it. <c>totalResults</c> is the sum.
/// Reentrant for the reason <see cref="DirectoryQueryGrain"/> is: no state, and no queue of searches behind a core's worth of activations.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class RootSearchGrain(ITenantSchemaCatalog catalog, IOptions<ScimGrainOptions> options) : Grain, IRootSearchGrain
{
    public async Task<ListResult> SearchAsync(string tenantKey, ListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            if (request.Cursor is not null)
            {
                throw ScimException.InvalidValue("Cursor paging (RFC 9865) is not offered on the root search; page with startIndex and count.");
            }

            if (request.SortBy is not null)
            {
                throw ScimException.InvalidValue("sortBy is not offered on the root search, whose results are Users then Groups; sort with /Users/.search or /Groups/.search.");
            }

            var schemas = await catalog.GetAsync(tenantKey, cancellationToken);
            var filters = RootSearchFilter.ForEachType(request.Filter, [schemas.User, schemas.Group], schemas.NewInputRules().FilterOptions);
            var startIndex = Math.Max(1, request.StartIndex ?? 1);
            var count = Math.Clamp(request.Count ?? options.Value.DefaultPageSize, 0, options.Value.MaxPageSize);
            var query = GrainReferences.Get<IDirectoryQueryGrain>(GrainFactory, 0);
            long before = 0;
            var resources = new List<byte[]>();
            foreach (var filter in filters.Where(f => !f.MatchesNothing))
            {
                // The page's first position inside this type (1-based); past its end the type answers only its total.
                var typeStart = (int)Math.Clamp(startIndex - before, 1, int.MaxValue);
                var typeRequest = request with { Filter = filter.Filter, StartIndex = typeStart, Count = count - resources.Count, SortOrder = null };
                var page = await query.ListAsync(tenantKey, filter.ResourceType, typeRequest, cancellationToken);
                if (page.Problem is not null)
                {
                    return page;
                }

                before += page.TotalResults ?? 0;
                resources.AddRange(page.Resources);
            }

            return new ListResult { TotalResults = before, StartIndex = startIndex, Resources = resources };
        }
        catch (ScimException e)
        {
            return ListResult.Refused(e);
        }
    }
}
