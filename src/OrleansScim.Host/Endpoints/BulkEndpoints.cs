using Microsoft.Extensions.Options;
using OrleansScim.Host.Bulk;

namespace OrleansScim.Host.Endpoints;

/// <summary>RFC 7644 §3.7 <c>POST /Bulk</c>: reads the request, lets <see cref="BulkProcessor"/> run it, writes the BulkResponse.</summary>
public static class BulkEndpoints
{
    public static void MapBulk(this RouteGroupBuilder scim) => scim.MapPost("/Bulk", BulkAsync);

    private static async Task<IResult> BulkAsync(HttpContext context, IGrainFactory grains, IOptions<BulkOptions> options)
    {
        // The body limit (Scim:MaxRequestBodyBytes) is the advertised maxPayloadSize: larger requests get 413.
        var body = await ScimHttp.ReadBodyAsync(context.Request);
        var request = BulkRequestReader.Read(body, options.Value.BulkMaxOperations);
        var processor = new BulkProcessor(grains, ScimHttp.TenantKey(context), ScimHttp.BaseUrl(context), ct => BulkPacing.WaitForPermitAsync(context, ct));
        var results = await processor.RunAsync(request, context.RequestAborted);
        return new ScimResult(ScimResponses.Json(200, BulkOperationResult.BuildResponse(results)));
    }
}
