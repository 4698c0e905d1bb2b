using System.Diagnostics.CodeAnalysis;

namespace OrleansScim.Host.Auth;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750 §2.1).</summary>
public static class BearerToken
{
    public static bool TryRead(HttpRequest request, [NotNullWhen(true)] out string? token)
    {
        token = null;
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[Prefix.Length..].Trim();
        return token.Length > 0;
    }
}
