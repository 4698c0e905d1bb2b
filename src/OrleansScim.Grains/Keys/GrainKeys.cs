using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OrleansScim.Grains.Keys;

/// <summary>
/// The one place grain keys are built. Keys are <c>"{tenantKey}/{part}/…"</c>; every part that may
/// hold user input (a userName may contain <c>/ # ? \</c>) is percent-encoded, so distinct inputs never
/// share a key. The tenant key is <c>"{tenantId}.{incarnation}"</c>: deleting a tenant retires its
/// incarnation, so a tenant created again with the same id starts from an empty key space.
/// </summary>
public static class GrainKeys
{
    /// <summary>Keys longer than this (after encoding) are shortened to a hash so storage keys stay bounded.</summary>
    private const int MaxEncodedValueLength = 200;

    public static string TenantKey(string tenantId, string incarnation) => tenantId + "." + incarnation;

    public static string TenantIdOf(string tenantKey)
    {
        var dot = tenantKey.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? tenantKey : tenantKey[..dot];
    }

    /// <summary>The tenant key of a key built by this class.</summary>
    public static string TenantKeyOf(string grainKey)
    {
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? grainKey : grainKey[..slash];
    }

    /// <summary>The last part of a key (a resource id), decoded.</summary>
    public static string LastPartOf(string grainKey) => Uri.UnescapeDataString(grainKey[(grainKey.LastIndexOf('/') + 1)..]);

    /// <summary>
    /// The longest resource id, percent-encoded, a grain key is built for. Resource ids are GUIDs the service
    /// assigns (36 characters); a longer one names nothing, and its key could pass Azure Table's 1 KiB key
    /// limit, so callers answer as for any id that does not exist, without a lookup.
    /// </summary>
    public const int MaxEncodedResourceIdLength = 200;

    /// <summary>Whether a resource could have this id (see <see cref="MaxEncodedResourceIdLength"/>).</summary>
    public static bool CanBeResourceId(string id) =>
        id.Length is > 0 and <= MaxEncodedResourceIdLength && Encode(id).Length <= MaxEncodedResourceIdLength;

    public static string Resource(string tenantKey, string resourceId) => tenantKey + "/" + Encode(resourceId);

    public static string Directory(string tenantKey, string resourceType) => tenantKey + "/" + resourceType;

    public static string Segment(string tenantKey, string resourceType, long segment) =>
        tenantKey + "/" + resourceType + "/" + segment.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// An index entry key: <c>"{tenantKey}/{index}/{hash}"</c>, the hash an HMAC-SHA256 of the normalized
    /// value keyed by the tenant's key space. Index keys end up in storage keys and in storage
    /// providers' log lines (a failed conditional write logs the key); a userName, email or externalId
    /// must not. It is pseudonymisation, not secrecy: someone holding the storage and a candidate name can
    /// test it. <paramref name="normalizedValue"/> is already normalized for the index (its IdentityKey
    /// where the index ignores case and Unicode equivalence).
    /// </summary>
    public static string Index(string tenantKey, string indexName, string normalizedValue)
    {
        // Every create hashes three of these and every lookup one: the UTF-8 input is encoded into one buffer
        // (on the stack when small) instead of three arrays and a joined string.
        var keyLength = Encoding.UTF8.GetByteCount(tenantKey);
        var messageLength = Encoding.UTF8.GetByteCount(indexName) + 1 + Encoding.UTF8.GetByteCount(normalizedValue);
        var rented = keyLength + messageLength > 512 ? ArrayPool<byte>.Shared.Rent(keyLength + messageLength) : null;
        var buffer = rented is null ? stackalloc byte[512] : rented;
        try
        {
            var key = buffer[..Encoding.UTF8.GetBytes(tenantKey, buffer)];
            var message = buffer.Slice(keyLength, messageLength);
            var written = Encoding.UTF8.GetBytes(indexName, message);
            message[written++] = (byte)'\n';
            Encoding.UTF8.GetBytes(normalizedValue, message[written..]);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, message, hash);
            return string.Concat(tenantKey, "/", indexName, "/", Base64Url.EncodeToString(hash));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A resource's URL (its meta.location, RFC 7643 §3.1) under a SCIM base URL: <c>{base}/{endpoint}/{encoded id}</c>.</summary>
    public static string Location(string baseUrl, string endpoint, string id) => $"{baseUrl}/{endpoint}/{Encode(id)}";

    /// <summary>
    /// The index key of stored data written before index keys were hashed and values normalized
    /// (<see cref="Indexes.IndexMigration"/> moves such entries; nothing else reads them).
    /// </summary>
    public static string LegacyIndex(string tenantKey, string indexName, string upperCasedValue) =>
        tenantKey + "/" + indexName + "/" + EncodeBounded(upperCasedValue);

    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static string EncodeBounded(string value)
    {
        var encoded = Encode(value);
        if (encoded.Length <= MaxEncodedValueLength)
        {
            return encoded;
        }

        // Long values: a readable prefix plus a hash of the whole value keeps keys short and distinct.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return "~" + encoded[..64] + "~" + hash;
    }
}
