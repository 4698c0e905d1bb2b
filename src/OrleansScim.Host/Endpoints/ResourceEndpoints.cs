using System.Globalization;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// /Users and /Groups (RFC 7644 §3.2–§3.6). Each handler turns the HTTP request into one grain call
/// and writes back the grain's answer.
/// </summary>
public static class ResourceEndpoints
{
    public static void MapResources(this RouteGroupBuilder scim, string endpoint, string resourceType)
    {
        var group = scim.MapGroup("/" + endpoint);
        group.MapGet("/", (HttpContext context, IGrainFactory grains) => ListAsync(context, grains, resourceType));
        group.MapPost("/.search", (HttpContext context, IGrainFactory grains) => SearchAsync(context, grains, resourceType));
        group.MapPost("/", (HttpContext context, IGrainFactory grains) =>
            CallAsync(context, grains, endpoint, resourceType, Guid.NewGuid().ToString("D"), readBody: true, (grain, request, ct) => grain.CreateAsync(request, ct)));
        group.MapGet("/{id}", (HttpContext context, IGrainFactory grains, string id) =>
            CallAsync(context, grains, endpoint, resourceType, id, readBody: false, (grain, request, ct) => grain.GetAsync(request, ct)));
        group.MapPut("/{id}", (HttpContext context, IGrainFactory grains, string id) =>
            CallAsync(context, grains, endpoint, resourceType, id, readBody: true, (grain, request, ct) => grain.ReplaceAsync(request, ct)));
        group.MapPatch("/{id}", (HttpContext context, IGrainFactory grains, string id) =>
            CallAsync(context, grains, endpoint, resourceType, id, readBody: true, (grain, request, ct) => grain.PatchAsync(request, ct)));
        group.MapDelete("/{id}", (HttpContext context, IGrainFactory grains, string id) =>
            CallAsync(context, grains, endpoint, resourceType, id, readBody: false, (grain, request, ct) => grain.DeleteAsync(request, ct)));
    }

    private static async Task<IResult> CallAsync(
        HttpContext context,
        IGrainFactory grains,
        string endpoint,
        string resourceType,
        string id,
        bool readBody,
        Func<IResourceGrain, ResourceRequest, CancellationToken, Task<ResourceResult>> call)
    {
        var request = context.Request;
        var resourceRequest = new ResourceRequest
        {
            BaseUrl = ScimHttp.BaseUrl(context),
            Body = readBody ? await ScimHttp.ReadBodyAsync(request) : null,
            IfMatch = request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null,
            IfNoneMatch = request.Headers.IfNoneMatch.Count > 0 ? request.Headers.IfNoneMatch.ToString() : null,
            Attributes = request.Query["attributes"].FirstOrDefault(),
            ExcludedAttributes = request.Query["excludedAttributes"].FirstOrDefault(),
        };
        if (!GrainKeys.CanBeResourceId(id))
        {
            return new ScimResult(ScimResponses.NotFound(resourceType, id));
        }

        var grain = new TenantGrains(grains, ScimHttp.TenantKey(context)).Resource(resourceType, id);
        var result = await call(grain, resourceRequest, context.RequestAborted);
        return new ScimResult(ScimResults.From(result, resourceRequest.BaseUrl, endpoint, id));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains, string resourceType)
    {
        var query = context.Request.Query;
        var request = new ListRequest
        {
            BaseUrl = ScimHttp.BaseUrl(context),
            Filter = query["filter"].FirstOrDefault(),
            StartIndex = ParseInt(query["startIndex"].FirstOrDefault(), "startIndex"),
            Count = ParseInt(query["count"].FirstOrDefault(), "count"),
            // RFC 9865: "cursor" with an empty value asks for the first page of a cursor walk.
            Cursor = query.TryGetValue("cursor", out var cursor) ? cursor.ToString() : null,
            SortBy = query["sortBy"].FirstOrDefault(),
            SortOrder = query["sortOrder"].FirstOrDefault(),
            Attributes = query["attributes"].FirstOrDefault(),
            ExcludedAttributes = query["excludedAttributes"].FirstOrDefault(),
        };
        return await QueryAsync(context, grains, resourceType, request);
    }

    private static async Task<IResult> SearchAsync(HttpContext context, IGrainFactory grains, string resourceType)
    {
        var body = await ScimHttp.ReadBodyAsync(context.Request);
        var request = SearchRequestReader.Read(body, ScimHttp.BaseUrl(context));
        return await QueryAsync(context, grains, resourceType, request);
    }

    private static async Task<IResult> QueryAsync(HttpContext context, IGrainFactory grains, string resourceType, ListRequest request) =>
        new ScimResult(ScimResults.From(await GrainReferences.Get<IDirectoryQueryGrain>(grains, 0).ListAsync(ScimHttp.TenantKey(context), resourceType, request, context.RequestAborted)));

    private static int? ParseInt(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ScimException.InvalidValue($"Query parameter '{name}' must be an integer.");
    }
}
