using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>RFC 7643 §2.4: the "primary" value true appears at most once in a multi-valued attribute.</summary>
public static class MultiValuedRules
{
    public static bool IsPrimary(JsonNode? element) =>
        element is JsonObject obj
        && obj.GetIgnoreCase("primary") is JsonValue primary
        && primary.GetValueKind() == JsonValueKind.True;

    public static void EnsureSinglePrimary(JsonArray values, string path)
    {
        var primaries = values.Count(IsPrimary);
        if (primaries > 1)
        {
            throw ScimException.InvalidValue($"Attribute '{path}' has {primaries} values marked primary; at most one is allowed.");
        }
    }

    /// <summary>
    /// Removes values equal to an earlier one (sub-attribute order aside): a multi-valued attribute holds
    /// a value once, or one member would count twice. Hash-based, since a group may have many members.
    /// </summary>
    public static void RemoveDuplicates(JsonArray values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var duplicate in values.Where(v => v is not null && !seen.Add(ContentKey(v))).ToList())
        {
            values.Remove(duplicate);
        }
    }

    /// <summary>Text equal for equal values: elements are flat objects, so sorting their names suffices.</summary>
    private static string ContentKey(JsonNode value) => value is JsonObject obj
        ? string.Join(',', obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + p.Value?.ToJsonString()))
        : value.ToJsonString();

    /// <summary>
    /// Whether values of this attribute are keyed by their "type": a readWrite "type" sub-attribute with
    /// canonical values (emails, phoneNumbers, ims, photos, addresses). Azure AD addresses such values as
    /// <c>emails[type eq "work"]</c>, so one user has at most one work email. Group "members" (immutable
    /// type) and free-typed attributes (roles, entitlements) are not keyed.
    /// </summary>
    public static bool HasUniqueTypes(AttributeDefinition attribute) =>
        attribute is { MultiValued: true, IsComplex: true }
        && attribute.FindSubAttribute("type") is { Mutability: Mutability.ReadWrite, CanonicalValues.Count: > 0 };

    public static string? TypeOf(JsonNode? element) =>
        element is JsonObject obj && obj.GetIgnoreCase("type") is JsonValue type && type.TryGetValue<string>(out var text) ? text : null;

    public static void EnsureUniqueTypes(AttributeDefinition attribute, JsonArray values, string path)
    {
        if (!HasUniqueTypes(attribute))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in values.Select(TypeOf).OfType<string>())
        {
            if (!seen.Add(type))
            {
                throw ScimException.InvalidValue($"Attribute '{path}' has more than one value of type '{type}'; each type appears at most once.");
            }
        }
    }

    /// <summary>After a PATCH made <paramref name="keep"/> primary, clears the flag on every other value.</summary>
    public static void KeepOnlyPrimary(JsonArray values, JsonNode keep)
    {
        foreach (var value in values)
        {
            if (!ReferenceEquals(value, keep) && value is JsonObject obj && IsPrimary(obj))
            {
                obj.RemoveIgnoreCase("primary");
            }
        }
    }
}
