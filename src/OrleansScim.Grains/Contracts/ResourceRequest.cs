namespace OrleansScim.Grains.Contracts;

/// <summary>
/// One SCIM call on one resource as the front end received it. The body travels as text so the grain
/// (not the endpoint) parses and validates it; <see cref="BaseUrl"/> is the SCIM base the client used,
/// for <c>meta.location</c> and <c>$ref</c> values.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ResourceRequest")]
public sealed record ResourceRequest
{
    [Id(0)] public required string BaseUrl { get; init; }

    [Id(1)] public string? Body { get; init; }

    [Id(2)] public string? IfMatch { get; init; }

    [Id(3)] public string? IfNoneMatch { get; init; }

    [Id(4)] public string? Attributes { get; init; }

    [Id(5)] public string? ExcludedAttributes { get; init; }
}
