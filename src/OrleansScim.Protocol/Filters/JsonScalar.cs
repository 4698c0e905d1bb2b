using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Reads scalar values out of stored JSON the forgiving way: resources may hold values parsed from a
/// request (element-backed) or set in code (CLR-backed), and clients send booleans and numbers as
/// strings, so each reader accepts the reasonable spellings of its type.
/// </summary>
internal static class JsonScalar
{
    /// <summary>A string value, or the JSON text of a number or boolean (compared as text).</summary>
    public static bool TryGetText(JsonNode node, out string text)
    {
        text = "";
        if (node is not JsonValue value)
        {
            return false;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                if (value.TryGetValue(out string? s))
                {
                    text = s;
                    return true;
                }

                // A CLR-backed value such as a DateTimeOffset: its JSON form is the text clients see.
                using (var document = JsonDocument.Parse(value.ToJsonString()))
                {
                    text = document.RootElement.GetString() ?? "";
                }

                return true;
            case JsonValueKind.Number:
                text = value.ToJsonString();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                return false;
        }
    }

    /// <summary>A JSON number, or a string holding one.</summary>
    public static bool TryGetNumber(JsonNode node, out JsonNumber number)
    {
        number = default;
        if (node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => JsonNumberText.TryParse(value.ToJsonString(), out number),
            JsonValueKind.String => TryGetText(value, out var text) && JsonNumberText.TryParse(text.Trim(), out number),
            _ => false,
        };
    }

    /// <summary>A JSON boolean, or the string "true"/"false" in any case (Azure AD's spelling).</summary>
    public static bool TryGetBoolean(JsonNode node, out bool result)
    {
        result = false;
        if (node is not JsonValue value)
        {
            return false;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                result = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return TryGetText(value, out var text) && TryParseBoolean(text, out result);
            default:
                return false;
        }
    }

    /// <summary>An RFC 7643 §2.3.5 dateTime; a value without an offset is taken as UTC.</summary>
    public static bool TryGetDateTime(JsonNode node, out DateTimeOffset result)
    {
        result = default;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (value.TryGetValue(out DateTimeOffset offsetValue))
        {
            result = offsetValue;
            return true;
        }

        if (value.TryGetValue(out DateTime dateTimeValue))
        {
            result = dateTimeValue.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(dateTimeValue, TimeSpan.Zero)
                : new DateTimeOffset(dateTimeValue);
            return true;
        }

        return TryGetText(value, out var text) && TryParseDateTime(text, out result);
    }

    public static bool TryParseBoolean(string text, out bool result)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            result = true;
            return true;
        }

        result = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryParseDateTime(string text, out DateTimeOffset result) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);

    /// <summary>
    /// RFC 7644 §3.4.2.2 "pr": a value that is neither null nor empty. An empty string, array or object
    /// (or one whose members are all empty) is as good as absent.
    /// </summary>
    public static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonObject obj => obj.Any(property => IsPresent(property.Value)),
        JsonArray array => array.Any(IsPresent),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => !TryGetText(value, out var text) || text.Length > 0,
            _ => true,
        },
        _ => true,
    };
}
