using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OrleansScim.Grains.Tenants;

/// <summary>
/// Bearer tokens are <c>"{tokenId}.{secret}"</c>: the id (public, 96 bits) finds the record, the secret
/// (256 random bits) is checked against its SHA-256 hash in constant time. A fast hash is right here:
/// the secret is random, not a password, so there is nothing to brute-force.
/// </summary>
public static class TokenSecrets
{
    private const int TokenIdBytes = 12;
    private const int SecretBytes = 32;

    public static (string TokenId, string Token, byte[] Hash) Issue()
    {
        var tokenId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenIdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return (tokenId, tokenId + "." + secret, Hash(secret));
    }

    public static bool TryParse(string token, [NotNullWhen(true)] out string? tokenId, [NotNullWhen(true)] out string? secret)
    {
        tokenId = null;
        secret = null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != TokenIdBytes * 2 || token.Length - dot - 1 < 40 || token.Length > 200)
        {
            return false;
        }

        foreach (var c in token.AsSpan(0, dot))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        tokenId = token[..dot];
        secret = token[(dot + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] expectedHash)
    {
        // On the request path: hash into stack buffers, no allocation. Secrets are short (43 chars here).
        if (secret.Length > 256)
        {
            return CryptographicOperations.FixedTimeEquals(Hash(secret), expectedHash);
        }

        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(secret.Length)];
        var length = Encoding.UTF8.GetBytes(secret, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return CryptographicOperations.FixedTimeEquals(hash, expectedHash);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
