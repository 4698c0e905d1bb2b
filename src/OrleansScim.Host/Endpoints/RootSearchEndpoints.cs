using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Search;

namespace OrleansScim.Host.Endpoints;

/// <summary>RFC 7644 §3.4.3 <c>POST /.search</c> at the SCIM root: Users and Groups in one query.</summary>
public static class RootSearchEndpoints
{
    public static void MapRootSearch(this RouteGroupBuilder scim) => scim.MapPost("/.search", SearchAsync);

    private static async Task<IResult> SearchAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await ScimHttp.ReadBodyAsync(context.Request);
        var request = SearchRequestReader.Read(body, ScimHttp.BaseUrl(context));
        return new ScimResult(ScimResults.From(await GrainReferences.Get<IRootSearchGrain>(grains, 0).SearchAsync(ScimHttp.TenantKey(context), request, context.RequestAborted)));
    }
}
