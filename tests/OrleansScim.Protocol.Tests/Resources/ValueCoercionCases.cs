namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>
/// One value against one RFC 7643 §2.3 data type, with the Azure AD tolerances of design.md:
/// (rule, type, sent JSON, stored JSON or null when nothing is stored). Errors: (rule, type, sent JSON).
/// </summary>
internal static class ValueCoercionCases
{
    public static TheoryData<string, string, string, string> Accepted => new()
    {
        { "RFC 7643 §2.3.1 string", "String", "\"Alice\"", "\"Alice\"" },
        { "RFC 7643 §2.3.1 empty string is a value", "String", "\"\"", "\"\"" },
        { "RFC 7643 §2.3.1 non-ASCII string", "String", "\"Zoë ✓\"", "\"Zoë ✓\"" },
        { "RFC 7643 §2.3.1 an integer for a string keeps its text", "String", "1234", "\"1234\"" },
        { "RFC 7643 §2.3.1 a decimal for a string keeps its text", "String", "12.50", "\"12.50\"" },
        { "Azure AD: a string wrapped in a one-element array", "String", "[\"Alice\"]", "\"Alice\"" },
        { "Azure AD: a string wrapped as [{\"value\":...}]", "String", "[{\"value\":\"Alice\"}]", "\"Alice\"" },
        { "Azure AD: a string wrapped as {\"value\":...}", "String", "{\"value\":\"Alice\"}", "\"Alice\"" },
        { "Azure AD: an array with nulls around one value", "String", "[null,\"Alice\",null]", "\"Alice\"" },
        { "Azure AD: an empty array stores nothing", "String", "[]", "null" },
        { "Azure AD: null stores nothing", "String", "null", "null" },
        { "RFC 7643 §2.3.2 boolean true", "Boolean", "true", "true" },
        { "RFC 7643 §2.3.2 boolean false", "Boolean", "false", "false" },
        { "Azure AD: \"True\" is true", "Boolean", "\"True\"", "true" },
        { "Azure AD: \"False\" is false", "Boolean", "\"False\"", "false" },
        { "Azure AD: \"true\" is true", "Boolean", "\"true\"", "true" },
        { "Azure AD: \"FALSE\" is false", "Boolean", "\"FALSE\"", "false" },
        { "Azure AD: \" True \" is true", "Boolean", "\" True \"", "true" },
        { "Azure AD: [{\"value\":\"False\"}] is false", "Boolean", "[{\"value\":\"False\"}]", "false" },
        { "Azure AD: [\"True\"] is true", "Boolean", "[\"True\"]", "true" },
        { "RFC 7643 §2.3.4 integer", "Integer", "42", "42" },
        { "RFC 7643 §2.3.4 negative integer", "Integer", "-7", "-7" },
        { "RFC 7643 §2.3.4 integer sent as a string", "Integer", "\"42\"", "42" },
        { "RFC 7643 §2.3.4 the largest 64-bit integer", "Integer", "9223372036854775807", "9223372036854775807" },
        { "RFC 7643 §2.3.3 decimal", "Decimal", "1.5", "1.5" },
        { "RFC 7643 §2.3.3 decimal from an integer", "Decimal", "3", "3" },
        { "RFC 7643 §2.3.3 decimal sent as a string", "Decimal", "\"-2.25\"", "-2.25" },
        { "RFC 7643 §2.3.3 decimal in exponent form", "Decimal", "1e2", "100" },
        { "RFC 7643 §2.3.5 dateTime in UTC gains milliseconds", "DateTime", "\"2026-01-31T12:00:00Z\"", "\"2026-01-31T12:00:00.000Z\"" },
        { "RFC 7643 §2.3.5 dateTime with an offset is stored in UTC", "DateTime", "\"2026-01-31T12:00:00+02:00\"", "\"2026-01-31T10:00:00.000Z\"" },
        { "RFC 7643 §2.3.5 dateTime without an offset is UTC, not server local time", "DateTime", "\"2026-01-31T12:00:00\"", "\"2026-01-31T12:00:00.000Z\"" },
        { "RFC 7643 §2.3.5 dateTime keeps milliseconds", "DateTime", "\"2026-01-31T12:00:00.1234567Z\"", "\"2026-01-31T12:00:00.123Z\"" },
        { "RFC 7643 §2.3.5 dateTime across midnight", "DateTime", "\"2026-01-01T00:30:00+01:00\"", "\"2025-12-31T23:30:00.000Z\"" },
        { "RFC 7643 §2.3.6 binary base64", "Binary", "\"SGVsbG8=\"", "\"SGVsbG8=\"" },
        { "RFC 7643 §2.3.6 binary base64 without padding need", "Binary", "\"AAAA\"", "\"AAAA\"" },
        { "RFC 7643 §2.3.7 reference", "Reference", "\"https://scim.example/Users/u1\"", "\"https://scim.example/Users/u1\"" },
    };

    public static TheoryData<string, string, string> Rejected => new()
    {
        { "RFC 7643 §2.3.1 a boolean is not a string", "String", "true" },
        { "RFC 7643 §2.3.1 an object is not a string", "String", "{\"text\":\"x\"}" },
        { "RFC 7643 §2.3.1 two values are not one string", "String", "[\"a\",\"b\"]" },
        { "RFC 7643 §2.3.2 \"maybe\" is not a boolean", "Boolean", "\"maybe\"" },
        { "RFC 7643 §2.3.2 \"yes\" is not a boolean", "Boolean", "\"yes\"" },
        { "RFC 7643 §2.3.2 1 is not a boolean", "Boolean", "1" },
        { "RFC 7643 §2.3.2 0 is not a boolean", "Boolean", "0" },
        { "RFC 7643 §2.3.2 an empty string is not a boolean", "Boolean", "\"\"" },
        { "RFC 7643 §2.3.2 an object with more than a value is not a boolean", "Boolean", "{\"value\":true,\"display\":\"x\"}" },
        { "RFC 7643 §2.3.4 4.5 is not an integer", "Integer", "4.5" },
        { "RFC 7643 §2.3.4 \"4.5\" is not an integer", "Integer", "\"4.5\"" },
        { "RFC 7643 §2.3.4 \"x\" is not an integer", "Integer", "\"x\"" },
        { "RFC 7643 §2.3.4 true is not an integer", "Integer", "true" },
        { "RFC 7643 §2.3.4 an integer beyond 64 bits is rejected", "Integer", "9223372036854775808" },
        { "RFC 7643 §2.3.3 \"abc\" is not a decimal", "Decimal", "\"abc\"" },
        { "RFC 7643 §2.3.3 false is not a decimal", "Decimal", "false" },
        { "RFC 7643 §2.3.5 \"yesterday\" is not a dateTime", "DateTime", "\"yesterday\"" },
        { "RFC 7643 §2.3.5 a number is not a dateTime", "DateTime", "1767225600" },
        { "RFC 7643 §2.3.5 a boolean is not a dateTime", "DateTime", "true" },
        { "RFC 7643 §2.3.6 text that is not base64 is not binary", "Binary", "\"not base64!\"" },
        { "RFC 7643 §2.3.6 a number is not binary", "Binary", "5" },
        { "RFC 7643 §2.3.7 a boolean is not a reference", "Reference", "false" },
    };
}
