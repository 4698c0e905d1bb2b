using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// writeOnly attributes (RFC 7643 §7; the User "password") are never returned, so there is no reason
/// to keep them readable: they are stored as a salted PBKDF2 hash. Every value a client sends is hashed,
/// including one that looks like a hash already: skipping those would store client text as the
/// "hash" (a known-hash import nobody asked for) and keep that one password in clear.
/// </summary>
public static class WriteOnlyValues
{
    public const string HashPrefix = "pbkdf2-sha256$";
    private const int Iterations = 100_000;

    public static JsonNode Protect(AttributeDefinition attribute, JsonNode value)
    {
        if (attribute.Mutability != Mutability.WriteOnly || value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
        {
            return value;
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(text, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return JsonValue.Create($"{HashPrefix}{Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }
}
