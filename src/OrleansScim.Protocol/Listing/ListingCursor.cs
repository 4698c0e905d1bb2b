using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Protocol.Listing;

/// <summary>
/// An RFC 9865 cursor: the position after the last resource of a page (its sort key and creation
/// sequence) plus a fingerprint of the query it belongs to. A position, not an offset, so a walk
/// stays stable while resources are added or removed, and a page costs the same however deep it is.
/// It holds no secret and grants nothing: it is only ever used together with the caller's own token.
/// </summary>
public sealed record ListingCursor(long Sequence, string? SortKey, string Query)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(Sequence, SortKey, Query));
        return Base64Url.EncodeToString(json);
    }

    /// <summary>The fingerprint of a query; a cursor from another query is an invalidCursor.</summary>
    public static string Fingerprint(string resourceType, string? filter, SortSpec? sort) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{resourceType}\n{filter}\n{sort?.Text}")))[..16];

    public static ListingCursor Decode(string text, string expectedQuery)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(text));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            payload = null;
        }

        if (payload is null || payload.Q != expectedQuery || payload.S < 0)
        {
            throw ScimException.BadRequest(ScimErrorType.InvalidCursor, "The cursor is not valid for this query; start again without a cursor value.");
        }

        return new ListingCursor(payload.S, payload.K, payload.Q);
    }

    private sealed record Payload(long S, string? K, string Q);
}
