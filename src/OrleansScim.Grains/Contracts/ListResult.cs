namespace OrleansScim.Grains.Contracts;

/// <summary>
/// One page of a list or search (RFC 7644 §3.4.2) in domain terms: the resources, already projected and
/// serialized one by one, and the paging facts. The front end writes the ListResponse around them; a
/// root search combines pages of Users and Groups without parsing them.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ListResult")]
public sealed record ListResult
{
    /// <summary>Matches in all pages; null on a cursor page when counting would cost a full scan.</summary>
    [Id(0)] public long? TotalResults { get; init; }

    [Id(1)] public int StartIndex { get; init; }

    /// <summary>Each resource of the page as UTF-8 JSON.</summary>
    [Id(2)] public IReadOnlyList<byte[]> Resources { get; init; } = [];

    /// <summary>The cursor of the next page (RFC 9865), when paging by cursor and there is one.</summary>
    [Id(3)] public string? NextCursor { get; init; }

    /// <summary>False on cursor pages, which carry no startIndex.</summary>
    [Id(4)] public bool IncludeStartIndex { get; init; } = true;

    /// <summary>Set when the request was refused (bad filter, cursor and startIndex together, …).</summary>
    [Id(5)] public ScimProblem? Problem { get; init; }

    public static ListResult Refused(Protocol.Errors.ScimException exception) => new() { Problem = ScimProblem.From(exception) };
}
