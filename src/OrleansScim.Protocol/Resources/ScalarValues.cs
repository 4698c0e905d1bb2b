using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>Single values of each SCIM type (RFC 7643 §2.3) in their canonical form, with the lenient spellings clients send.</summary>
internal static class ScalarValues
{
    internal static JsonValue NormalizeString(AttributeDefinition attribute, JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (attribute.ForbidsControlCharacters && IdentityKey.HasControlCharacters(text))
                {
                    throw ScimException.InvalidValue($"Attribute '{path}' may not hold control characters (U+0000–U+001F, U+007F–U+009F).");
                }

                if (text.Length > attribute.MaxLength)
                {
                    throw ScimException.InvalidValue($"Attribute '{path}' is {text.Length} characters long; at most {attribute.MaxLength} are accepted.");
                }

                return JsonValue.Create(text);
            case JsonValueKind.Number:
                // Numbers sent for string attributes (employeeNumber: 1234) are kept as their text.
                return JsonValue.Create(value.ToJsonString());
            default:
                throw ScimException.InvalidValue($"Attribute '{path}' expects a string.");
        }
    }

    internal static JsonValue NormalizeBoolean(JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out var parsed):
                return JsonValue.Create(parsed);
            default:
                throw ScimException.InvalidValue($"Attribute '{path}' expects a boolean.");
        }
    }

    internal static JsonValue NormalizeInteger(JsonValue value, string path)
    {
        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
        if (text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        throw ScimException.InvalidValue($"Attribute '{path}' expects an integer.");
    }

    internal static JsonValue NormalizeDecimal(JsonValue value, string path)
    {
        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
        if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        throw ScimException.InvalidValue($"Attribute '{path}' expects a decimal number.");
    }

    internal static JsonValue NormalizeDateTime(JsonValue value, string path)
    {
        if (value.GetValueKind() == JsonValueKind.String
            && ScimDateTime.TryParse(value.GetValue<string>(), out var instant))
        {
            return JsonValue.Create(ScimDateTime.Format(instant));
        }

        throw ScimException.InvalidValue($"Attribute '{path}' expects an xsd:dateTime string such as 2026-01-31T12:00:00Z.");
    }

    internal static JsonValue NormalizeBinary(JsonValue value, string path)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var buffer = new byte[(text.Length * 3 / 4) + 3];
            if (Convert.TryFromBase64String(text, buffer, out _))
            {
                return JsonValue.Create(text);
            }
        }

        throw ScimException.InvalidValue($"Attribute '{path}' expects base64-encoded binary data.");
    }

    internal static string Describe(AttributeType type) => type switch
    {
        AttributeType.Boolean => "boolean",
        AttributeType.Integer => "integer",
        AttributeType.Decimal => "decimal",
        AttributeType.DateTime => "dateTime",
        AttributeType.Binary => "binary",
        AttributeType.Reference => "reference",
        _ => "string",
    };
}
