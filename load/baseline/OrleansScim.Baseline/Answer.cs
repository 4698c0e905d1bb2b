namespace OrleansScim.Baseline;

/// <summary>What the SCIM host sends for a GET by id, minus the work: status, content type, ETag, the body.</summary>
public static class Answer
{
    public static Task WriteAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/scim+json";
        response.Headers.ETag = "W/\"1\"";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
