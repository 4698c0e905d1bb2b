using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Host.Bulk;

/// <summary>A parsed bulk request (RFC 7644 §3.7): its operations in order, and how many errors end it.</summary>
public sealed record BulkRequest(int? FailOnErrors, IReadOnlyList<BulkOperation> Operations);

/// <summary>
/// One operation of a bulk request as sent. <see cref="Invalid"/> says why it cannot run (e.g. no
/// method); such an operation is answered with that error and counts towards failOnErrors, like any
/// other failed operation, instead of failing the whole request.
/// </summary>
public sealed record BulkOperation
{
    public const string Post = "POST";
    public const string Put = "PUT";
    public const string Patch = "PATCH";
    public const string Delete = "DELETE";

    /// <summary>Upper case when it is one of the four methods; as sent otherwise (it is echoed in the response).</summary>
    public string? Method { get; init; }

    public string? BulkId { get; init; }

    /// <summary>The ETag the client expects (sent as If-Match).</summary>
    public string? Version { get; init; }

    public string? Path { get; init; }

    public JsonObject? Data { get; init; }

    public ScimException? Invalid { get; init; }
}
