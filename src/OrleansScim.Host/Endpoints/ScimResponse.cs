namespace OrleansScim.Host.Endpoints;

/// <summary>
/// A SCIM HTTP answer as the front end writes it: status, UTF-8 JSON body (a resource, a ListResponse or
/// a SCIM error) and headers. Made from the grains' domain results by <see cref="ScimResults"/>.
/// </summary>
public sealed record ScimResponse
{
    public required int Status { get; init; }

    public byte[]? Body { get; init; }

    public string? ETag { get; init; }

    public string? Location { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;
}
