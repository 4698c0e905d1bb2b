using System.Net.Http.Headers;

namespace OrleansScim.Protocol.Resources;

/// <summary>If-Match / If-None-Match evaluation (RFC 7232 §3.1, weak comparison as RFC 7644 §3.14 uses weak ETags).</summary>
public static class ETags
{
    /// <summary>Whether a conditional header's list of entity-tags (or <c>*</c>) names <paramref name="etag"/>, by weak comparison.</summary>
    public static bool Matches(string? header, string etag)
    {
        if (string.IsNullOrWhiteSpace(header) || !EntityTagHeaderValue.TryParse(etag, out var current))
        {
            return false;
        }

        foreach (var candidate in ParseList(header))
        {
            // Weak comparison: the opaque tags are equal, whether either is marked weak or not.
            if (ReferenceEquals(candidate, EntityTagHeaderValue.Any) || candidate.Tag == "*" || candidate.Tag == current.Tag)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The entity-tags of a header value, parsed by the BCL's header parser (quoted tags may contain commas;
    /// malformed entries are dropped). It parses lists only as a header of a message, hence the message.
    /// </summary>
    private static List<EntityTagHeaderValue> ParseList(string header)
    {
        using var message = new HttpRequestMessage();
        message.Headers.TryAddWithoutValidation("If-Match", header);
        return [.. message.Headers.IfMatch];
    }
}
