using OrleansScim.Protocol.Errors;

namespace OrleansScim.Grains.Contracts;

/// <summary>What an operation on one resource did.</summary>
[GenerateSerializer, Alias("scim.ResourceOutcome")]
public enum ResourceOutcome
{
    /// <summary>The resource was created; <see cref="ResourceResult.Document"/> is its representation.</summary>
    Created,

    /// <summary>The resource was read (or changed, with its representation asked for).</summary>
    Found,

    /// <summary>The resource was changed and no representation is returned (a group PATCH without attributes).</summary>
    ChangedQuietly,

    /// <summary>The resource was deleted.</summary>
    Deleted,

    /// <summary>The client's copy (If-None-Match) is the current version.</summary>
    NotModified,

    /// <summary>The operation was refused: <see cref="ResourceResult.Problem"/> says why.</summary>
    Refused,
}

/// <summary>A refused operation in SCIM's terms (RFC 7644 §3.12): its status, scimType and detail.</summary>
[GenerateSerializer, Immutable, Alias("scim.ScimProblem")]
public sealed record ScimProblem([property: Id(0)] int Status, [property: Id(1)] string? ScimType, [property: Id(2)] string Detail)
{
    public static ScimProblem From(ScimException exception) => new(exception.Status, exception.ScimType, exception.Detail);
}

/// <summary>
/// The answer of a resource grain in domain terms: the outcome, the version (meta.version, which SCIM
/// defines as the weak entity-tag and the front end sends as ETag), the representation as UTF-8 JSON, or the problem. The front end maps it to a status,
/// headers and body (<c>ScimResults</c> in the host); no HTTP detail is decided here.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ResourceResult")]
public sealed record ResourceResult
{
    [Id(0)] public required ResourceOutcome Outcome { get; init; }

    /// <summary>The resource's meta.version after the operation (<c>W/"n"</c>, RFC 7644 §3.14); null when there is none.</summary>
    [Id(1)] public string? Version { get; init; }

    [Id(2)] public byte[]? Document { get; init; }

    [Id(3)] public ScimProblem? Problem { get; init; }

    public bool IsSuccess => Outcome != ResourceOutcome.Refused;

    public static ResourceResult Refused(ScimException exception) => new() { Outcome = ResourceOutcome.Refused, Problem = ScimProblem.From(exception) };

    public static ResourceResult NotFound(string resourceType, string id) =>
        new() { Outcome = ResourceOutcome.Refused, Problem = new ScimProblem(404, null, $"{resourceType} '{id}' not found.") };
}
