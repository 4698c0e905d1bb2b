namespace OrleansScim.Grains.Contracts;

/// <summary>A list or search request (RFC 7644 §3.4.2/§3.4.3) on one resource type of one tenant.</summary>
[GenerateSerializer, Immutable, Alias("scim.ListRequest")]
public sealed record ListRequest
{
    [Id(0)] public required string BaseUrl { get; init; }

    [Id(1)] public string? Filter { get; init; }

    /// <summary>1-based; null when the client did not send one.</summary>
    [Id(2)] public int? StartIndex { get; init; }

    [Id(3)] public int? Count { get; init; }

    [Id(4)] public string? Cursor { get; init; }

    [Id(5)] public string? SortBy { get; init; }

    [Id(6)] public string? SortOrder { get; init; }

    [Id(7)] public string? Attributes { get; init; }

    [Id(8)] public string? ExcludedAttributes { get; init; }
}
