using Microsoft.AspNetCore.Diagnostics;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// The last resort: an unexpected failure becomes a SCIM error body on SCIM paths (clients such as
/// Azure AD parse it) and a problem document elsewhere. Details stay in the log, not the response.
/// </summary>
public sealed partial class ScimExceptionHandler(ILogger<ScimExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The service did not answer in time; retry the request."),
            OrleansException => (StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable; retry the request."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };
        if (status >= 500)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (ScimHttp.IsScimPath(httpContext.Request.Path))
        {
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                httpContext.Response.Headers.RetryAfter = "1";
            }

            await ScimHttp.WriteErrorAsync(httpContext, status, null, detail);
            return true;
        }

        // Elsewhere (the admin API) the default problem document is written with this status, e.g. 400 for a malformed body.
        httpContext.Response.StatusCode = status;
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
