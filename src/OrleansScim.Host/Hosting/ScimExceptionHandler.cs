using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using OrleansScim.Host.Endpoints;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// The one place a failure becomes an answer. Endpoints throw; known failures (a <see cref="ScimException"/>
/// from the protocol rules, malformed JSON or UTF-8, a request the server refuses) become their status
/// with a SCIM error body on SCIM paths (clients such as Azure AD parse it) and a problem document on the
/// admin API; anything else is a 503 (the cluster did not answer) or a logged 500 whose details stay in
/// the log, not the response.
/// </summary>
public sealed partial class ScimExceptionHandler(IProblemDetailsService problems, ILogger<ScimExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
            return true;
        }

        var error = Map(exception);
        if (error.Status >= 500)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (error.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        if (ScimHttp.IsScimPath(httpContext.Request.Path))
        {
            await ScimHttp.WriteErrorAsync(httpContext, error.Status, error.ScimType, error.Detail);
            return true;
        }

        httpContext.Response.StatusCode = error.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = error.Status, Detail = error.Detail },
        });
    }

    /// <summary>Status, scimType and detail for a failure; the detail never carries internals of an unexpected one.</summary>
    public static ScimException Map(Exception exception) => exception switch
    {
        ScimException scim => scim,
        JsonException => ScimException.InvalidSyntax("The request body is not valid JSON."),
        DecoderFallbackException => ScimException.InvalidSyntax("The request body is not valid UTF-8."),
        BadHttpRequestException bad => new ScimException(bad.StatusCode, bad.StatusCode == StatusCodes.Status400BadRequest ? ScimErrorType.InvalidSyntax : null, bad.Message),
        TimeoutException => new ScimException(StatusCodes.Status503ServiceUnavailable, null, "The service did not answer in time; retry the request."),
        OrleansException => new ScimException(StatusCodes.Status503ServiceUnavailable, null, "The service is temporarily unavailable; retry the request."),
        _ => new ScimException(StatusCodes.Status500InternalServerError, null, "An unexpected error occurred."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
