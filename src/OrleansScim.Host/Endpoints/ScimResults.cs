using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Listing;

namespace OrleansScim.Host.Endpoints;

/// <summary>
/// Where the grains' domain results become HTTP: the status of each outcome (RFC 7644 §3.3–§3.6), the
/// version as ETag, Location for a created resource, and the SCIM error body of a problem
/// (built by <see cref="ScimResponses.Error(int, string?, string)"/>, as every other error).
/// </summary>
public static class ScimResults
{
    /// <summary>The answer to an operation on the resource <paramref name="id"/> under <paramref name="baseUrl"/>/<paramref name="endpoint"/>.</summary>
    public static ScimResponse From(ResourceResult result, string baseUrl, string endpoint, string id)
    {
        ArgumentNullException.ThrowIfNull(result);
        var etag = result.Version;
        return result.Outcome switch
        {
            ResourceOutcome.Created => new ScimResponse { Status = 201, Body = result.Document, ETag = etag, Location = GrainKeys.Location(baseUrl, endpoint, id) },
            ResourceOutcome.Found => new ScimResponse { Status = 200, Body = result.Document, ETag = etag },
            ResourceOutcome.ChangedQuietly => new ScimResponse { Status = 204, ETag = etag },
            ResourceOutcome.Deleted => new ScimResponse { Status = 204 },
            ResourceOutcome.NotModified => new ScimResponse { Status = 304, ETag = etag },
            _ => From(result.Problem!),
        };
    }

    public static ScimResponse From(ListResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Problem is { } problem
            ? From(problem)
            : new ScimResponse
            {
                Status = 200,
                Body = ListResponse.Serialize(result.TotalResults, result.StartIndex, result.Resources, result.NextCursor, result.IncludeStartIndex),
            };
    }

    public static ScimResponse From(ScimProblem problem) => ScimResponses.Error(problem.Status, problem.ScimType, problem.Detail);
}
