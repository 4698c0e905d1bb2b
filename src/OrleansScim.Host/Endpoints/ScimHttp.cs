using System.Text;
using Microsoft.Extensions.Options;
using OrleansScim.Host.Auth;
using OrleansScim.Host.Hosting;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Host.Endpoints;

/// <summary>The HTTP side of SCIM: reading bodies, knowing the caller's tenant and base URL, writing responses.</summary>
public static class ScimHttp
{
    public const string ContentType = ScimJson.MediaType + "; charset=utf-8";

    /// <summary>Whether a request is for the SCIM API (either base URL) rather than the admin API, health or benchmarks.</summary>
    public static bool IsScimPath(PathString path) =>
        path.StartsWithSegments("/scim", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/tenants", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant key of the authenticated caller.</summary>
    public static string TenantKey(HttpContext context) =>
        context.User.FindFirst(ScimClaims.TenantKey)?.Value
        ?? throw new InvalidOperationException("SCIM endpoint reached without tenant authentication.");

    /// <summary>The SCIM base URL the client used: <c>{origin}/tenants/{id}/scim/v2</c> or <c>{origin}/scim/v2</c>.</summary>
    public static string BaseUrl(HttpContext context)
    {
        var origin = Origin(context);
        return context.Request.RouteValues.TryGetValue("tenantId", out var tenant) && tenant is string tenantId
            ? $"{origin}/tenants/{tenantId}/scim/v2"
            : $"{origin}/scim/v2";
    }

    public static string Origin(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<ScimHttpOptions>>().Value.PublicBaseUrl;
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.TrimEnd('/');
        }

        if (context.RequestServices.GetRequiredService<AdminListener>().MainOrigin(context) is { } main)
        {
            // An admin answer given on the admin listener names the main listener, where SCIM clients go.
            return main;
        }

        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>Reads a JSON request body, enforcing the size limit and a JSON media type.</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ScimHttpOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimException(415, null, $"Content-Type '{contentType}' is not supported; send {ScimJson.MediaType} or application/json.");
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Kestrel enforces the limit while the body is read (Limits.MaxRequestBodySize, set from the same
        // setting in RequestSizeLimits) and stops reading at it; its 413 becomes the SCIM error here.
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }

        if (buffer.Length > limit)
        {
            // A server without Kestrel's per-request limit (the in-process test server) has read it all.
            throw TooLarge(limit);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw ScimException.InvalidSyntax("The request body is not valid UTF-8.");
        }
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string? scimType, string detail) =>
        new ScimResult(new ScimResponse
        {
            Status = status,
            Body = ScimJson.SerializeToUtf8(ScimError.ToJson(status, scimType, detail)),
        }).ExecuteAsync(context);

    private static ScimException TooLarge(int limit) => new(413, null, $"The request body exceeds the limit of {limit} bytes.");
}

/// <summary>Writes a <see cref="ScimResponse"/> computed in the cluster as it is.</summary>
public sealed class ScimResult(ScimResponse response) : IResult
{
    public ScimResponse Response => response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.Status;
        if (response.ETag is not null)
        {
            http.Headers.ETag = response.ETag;
        }

        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        if (response.Body is { Length: > 0 } body && response.Status != StatusCodes.Status304NotModified)
        {
            http.ContentType = ScimHttp.ContentType;
            http.ContentLength = body.Length;
            await http.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
