using System.Globalization;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Auth;

/// <summary>Set on a request refused for its address's failed authentications; its challenge answers 429.</summary>
public sealed record AuthenticationThrottled(TimeSpan RetryAfter)
{
    public async Task WriteAsync(HttpContext context, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
        var detail = $"{what}; retry after {seconds} s.";
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (ScimHttp.IsScimPath(context.Request.Path))
        {
            await ScimHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, null, detail);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.Response.WriteAsJsonAsync(new { error = "too_many_requests", detail }, context.RequestAborted);
    }
}
