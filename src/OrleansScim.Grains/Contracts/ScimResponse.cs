namespace OrleansScim.Grains.Contracts;

/// <summary>
/// A finished SCIM HTTP response computed inside the cluster: status, UTF-8 JSON body (a resource, a
/// ListResponse or a SCIM error) and headers. The front end copies it to the wire without re-parsing.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ScimResponse")]
public sealed record ScimResponse
{
    [Id(0)] public required int Status { get; init; }

    [Id(1)] public byte[]? Body { get; init; }

    [Id(2)] public string? ETag { get; init; }

    [Id(3)] public string? Location { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;
}
