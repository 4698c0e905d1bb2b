using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// Header, request-line and body limits. Kestrel refuses what exceeds its own limits before any middleware runs,
/// with an empty 431 or 414, so its limits are set high (<see cref="HardHeadersBytes"/>,
/// <see cref="HardRequestLineBytes"/>) and the service's lower ones (<see cref="ScimHttpOptions.MaxRequestHeadersBytes"/>,
/// <see cref="ScimHttpOptions.MaxRequestLineBytes"/>) are enforced here, first in the pipeline (before a
/// bearer token is read), with an error body clients can parse.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>Kestrel's limit on all request headers together; beyond it Kestrel answers 431 without a body.</summary>
    public const int HardHeadersBytes = 64 * 1024;

    /// <summary>Kestrel's limit on the request line; beyond it Kestrel answers 414 without a body.</summary>
    public const int HardRequestLineBytes = 32 * 1024;

    public static void AddRequestSizeLimits(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ScimHttpOptions>>((kestrel, http) =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = HardHeadersBytes;
            kestrel.Limits.MaxRequestLineSize = HardRequestLineBytes;

            // Bodies: Kestrel's own per-request limit (IHttpMaxRequestBodySizeFeature) at the service's,
            // so no endpoint reads more than Scim:MaxRequestBodyBytes; ScimHttp.ReadBodyAsync words the 413.
            kestrel.Limits.MaxRequestBodySize = http.Value.MaxRequestBodyBytes;
        });

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<ScimHttpOptions>>().Value;
        var request = context.Request;

        // "GET <target> HTTP/1.1" as it came in (the raw target, query included, before decoding).
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        if (request.Method.Length + target.Length + 10 > limits.MaxRequestLineBytes)
        {
            return RefuseAsync(context, StatusCodes.Status414RequestUriTooLong, $"The request line is longer than {limits.MaxRequestLineBytes} bytes.");
        }

        var headerBytes = 0L;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerBytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return headerBytes > limits.MaxRequestHeadersBytes
            ? RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, $"The request headers are larger than {limits.MaxRequestHeadersBytes} bytes.")
            : next(context);
    });

    private static Task RefuseAsync(HttpContext context, int status, string detail)
    {
        if (ScimHttp.IsScimPath(context.Request.Path))
        {
            return ScimHttp.WriteErrorAsync(context, status, null, detail);
        }

        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = "request_too_large", detail }, context.RequestAborted);
    }
}
