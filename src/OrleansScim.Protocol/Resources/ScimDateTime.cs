using System.Globalization;

namespace OrleansScim.Protocol.Resources;

/// <summary>xsd:dateTime rendering used for meta timestamps and dateTime attributes (UTC, milliseconds).</summary>
public static class ScimDateTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a client's dateTime; one without an offset is UTC, never the server's local time zone.</summary>
    public static bool TryParse(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
}
