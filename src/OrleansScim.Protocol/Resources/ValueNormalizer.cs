using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Schemas;

using static OrleansScim.Protocol.Resources.ScalarValues;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// Turns one client-sent attribute value into its canonical stored form, tolerating what Azure AD
/// sends: booleans as the strings "True"/"False", single values wrapped in one-element arrays
/// (<c>[{"$ref":null,"value":"id"}]</c>), a complex value given as its bare <c>value</c> string
/// (<c>"manager":"id"</c>), nulls (ignored) and readOnly sub-attributes (ignored, RFC 7643 §7).
/// Unknown sub-attributes and several values of one type follow the <see cref="InputRules"/>: ignored
/// and kept under tolerant reading, refused under strict. Returns null when nothing is left to store.
/// </summary>
public static class ValueNormalizer
{
    public static JsonNode? Normalize(AttributeDefinition attribute, JsonNode? value, string path, InputRules rules)
    {
        if (value is null)
        {
            return null;
        }

        return attribute.MultiValued
            ? NormalizeMultiValued(attribute, value, path, rules)
            : NormalizeSingle(attribute, UnwrapSingle(value, path), path, rules);
    }

    /// <summary>Normalizes one element of a multi-valued attribute; a one-element array (Azure AD's wrapping) is unwrapped.</summary>
    public static JsonNode? NormalizeElement(AttributeDefinition attribute, JsonNode? value, string path, InputRules rules) =>
        value is null ? null : NormalizeSingle(attribute, UnwrapSingle(value, path), path, rules);

    /// <summary>Normalizes a simple (non-complex) value, or a sub-attribute value.</summary>
    public static JsonNode? NormalizeSimple(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        value = UnwrapSingle(value, path);
        if (value is null)
        {
            return null;
        }

        if (value is JsonObject wrapper && wrapper.Count == 1 && wrapper.TryGetPropertyIgnoreCase("value", out _, out var wrapped))
        {
            // Azure AD's older dialect wraps simple values too: "value":[{"value":"False"}].
            value = wrapped;
        }

        if (value is not JsonValue scalar)
        {
            throw ScimException.InvalidValue($"Attribute '{path}' expects a single {Describe(attribute.Type)} value.");
        }

        return attribute.Type switch
        {
            AttributeType.Boolean => NormalizeBoolean(scalar, path),
            AttributeType.Integer => NormalizeInteger(scalar, path),
            AttributeType.Decimal => NormalizeDecimal(scalar, path),
            AttributeType.DateTime => NormalizeDateTime(scalar, path),
            AttributeType.Binary => NormalizeBinary(scalar, path),
            _ => NormalizeString(attribute, scalar, path),
        };
    }

    private static JsonArray? NormalizeMultiValued(AttributeDefinition attribute, JsonNode value, string path, InputRules rules)
    {
        var result = new JsonArray();
        if (value is JsonArray items)
        {
            foreach (var item in items)
            {
                if (item is not null && NormalizeSingleValue(attribute, item, path, rules) is { } normalized)
                {
                    result.Add(normalized);
                }
            }

            MultiValuedRules.RemoveDuplicates(result);
        }
        else if (NormalizeSingleValue(attribute, value, path, rules) is { } single)
        {
            result.Add(single);
        }

        if (result.Count == 0)
        {
            return null;
        }

        MultiValuedRules.EnsureSinglePrimary(result, path);
        if (rules.IsStrict)
        {
            // Tolerant reading keeps two values of one type (two work emails) as sent.
            MultiValuedRules.EnsureUniqueTypes(attribute, result, path);
        }

        return result;
    }

    private static JsonNode? NormalizeSingle(AttributeDefinition attribute, JsonNode? value, string path, InputRules rules) =>
        value is null ? null : NormalizeSingleValue(attribute, value, path, rules);

    private static JsonNode? NormalizeSingleValue(AttributeDefinition attribute, JsonNode value, string path, InputRules rules)
    {
        if (!attribute.IsComplex)
        {
            return NormalizeSimple(attribute, value, path);
        }

        switch (value)
        {
            case JsonObject obj:
                return NormalizeComplex(attribute, obj, path, rules);
            case JsonValue scalar when attribute.FindSubAttribute("value") is { } valueSub:
                // A complex value sent as its bare "value", e.g. "manager": "id" or "members": ["id"].
                var normalized = NormalizeSimple(valueSub, scalar, path + ".value");
                return normalized is null ? null : new JsonObject { [valueSub.Name] = normalized };
            default:
                throw ScimException.InvalidValue($"Attribute '{path}' expects a complex value (a JSON object).");
        }
    }

    private static JsonObject? NormalizeComplex(AttributeDefinition attribute, JsonObject value, string path, InputRules rules)
    {
        var result = new JsonObject();
        foreach (var (key, subValue) in value)
        {
            if (subValue is null)
            {
                continue;
            }

            var sub = attribute.FindSubAttribute(key);
            if (sub is null)
            {
                // E.g. a member sent with "displayName" (the sub-attribute is "display").
                if (!rules.TryIgnore(path + "." + key))
                {
                    throw ScimException.InvalidValue($"Attribute '{path}' has no sub-attribute '{key}'.");
                }

                continue;
            }

            if (sub.Mutability == Mutability.ReadOnly)
            {
                continue;
            }

            if (NormalizeSimple(sub, subValue, path + "." + sub.Name) is { } normalized)
            {
                result[sub.Name] = normalized;
            }
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>Azure AD wraps single values in arrays; accept exactly one (non-null) element.</summary>
    private static JsonNode? UnwrapSingle(JsonNode value, string path)
    {
        if (value is not JsonArray array)
        {
            return value;
        }

        JsonNode? only = null;
        var count = 0;
        foreach (var item in array)
        {
            if (item is null)
            {
                continue;
            }

            only = item;
            count++;
        }

        return count switch
        {
            0 => null,
            1 => only!.DeepClone(),
            _ => throw ScimException.InvalidValue($"Attribute '{path}' is single-valued but {count} values were sent."),
        };
    }
}
