namespace OrleansScim.Protocol.Resources;

/// <summary>If-Match / If-None-Match evaluation (RFC 7232 §3.1, weak comparison as RFC 7644 §3.14 uses weak ETags).</summary>
public static class ETags
{
    public static bool Matches(string? header, string etag)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || Opaque(candidate) == Opaque(etag))
            {
                return true;
            }
        }

        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
