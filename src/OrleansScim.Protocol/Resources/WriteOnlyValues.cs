using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// writeOnly attributes (RFC 7643 §7; the User "password") are never returned, so there is no reason
/// to keep them readable: they are stored as a salted PBKDF2 hash.
/// </summary>
public static class WriteOnlyValues
{
    public const string HashPrefix = "pbkdf2-sha256$";
    private const int Iterations = 10_000;

    public static JsonNode Protect(AttributeDefinition attribute, JsonNode value)
    {
        if (attribute.Mutability != Mutability.WriteOnly || value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text)
            || text.StartsWith(HashPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(text, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return JsonValue.Create($"{HashPrefix}{Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }
}
