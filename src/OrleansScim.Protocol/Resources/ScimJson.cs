using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Protocol.Resources;

/// <summary>JSON reading and writing with SCIM's conventions in one place.</summary>
public static class ScimJson
{
    public const string MediaType = "application/scim+json";

    /// <summary>Maximum nesting a request body may have; deeper documents are rejected as invalidSyntax.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output is application/scim+json for API clients, never embedded in HTML: keep non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Duplicate names are rejected at parse time: a JsonObject holding them throws ArgumentException (a 500)
    // the first time anything enumerates it, long after the request was accepted.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>
    /// Parses a request body that must be a JSON object. Malformed JSON, an escape that decodes to an
    /// unpaired UTF-16 surrogate (<c>"\ud800"</c>) in any key or value, and two keys of one object that
    /// differ only in case (attribute names are case-insensitive, RFC 7643 §2.1) are RFC 7644
    /// "invalidSyntax". With <paramref name="checkNested"/> false only the top-level object is checked,
    /// for a Bulk request whose operations are checked (and refused) one by one.
    /// </summary>
    public static JsonObject ParseObject(string? text, bool checkNested = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ScimException.InvalidSyntax("The request body is empty; a JSON object was expected.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // Checking for duplicate names reads every name, so an unpaired surrogate in a key shows here.
            throw UnpairedSurrogate();
        }

        var body = node as JsonObject ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");

        // System.Text.Json reads "\ud800" without complaint and throws only when the string is materialised,
        // deep inside whatever reads it; strings are checked only when the text has an escape at all.
        var hasUnicodeEscapes = text.Contains("\\u", StringComparison.Ordinal);
        if (checkNested)
        {
            EnsureWellFormed(body, hasUnicodeEscapes);
        }
        else
        {
            EnsureWellFormedObject(body, hasUnicodeEscapes, recurse: false);
        }

        return body;
    }

    /// <summary>
    /// Checks a parsed value the way <see cref="ParseObject"/> checks a body: no unpaired surrogate in any
    /// key or string (when <paramref name="checkStrings"/>), no keys of one object equal but for case.
    /// </summary>
    /// <exception cref="ScimException">invalidSyntax.</exception>
    public static void EnsureWellFormed(JsonNode? node, bool checkStrings = true)
    {
        switch (node)
        {
            case JsonObject obj:
                EnsureWellFormedObject(obj, checkStrings, recurse: true);
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    EnsureWellFormed(item, checkStrings);
                }

                break;
            case JsonValue value when checkStrings && value.GetValueKind() == JsonValueKind.String:
                EnsureReadable(() => value.GetValue<string>());
                break;
        }
    }

    private static void EnsureWellFormedObject(JsonObject obj, bool checkStrings, bool recurse)
    {
        // Enumerating materialises the names, which is where an unpaired surrogate in a key shows.
        var names = EnsureReadable(() => obj.Select(p => p.Key).ToList());
        if (names.Count > 1)
        {
            var seen = new Dictionary<string, string>(names.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                if (!seen.TryAdd(name, name))
                {
                    throw ScimException.InvalidSyntax($"The keys '{Excerpt(seen[name])}' and '{Excerpt(name)}' name the same attribute (names are case-insensitive, RFC 7643 §2.1); send it once.");
                }
            }
        }

        foreach (var (_, value) in obj)
        {
            if (recurse)
            {
                EnsureWellFormed(value, checkStrings);
            }
            else if (checkStrings && value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
            {
                EnsureReadable(() => scalar.GetValue<string>());
            }
        }
    }

    /// <summary>A client's name in an error detail, cut short so a hostile key cannot inflate the answer.</summary>
    public static string Excerpt(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static T EnsureReadable<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or ArgumentException)
        {
            throw UnpairedSurrogate();
        }
    }

    private static ScimException UnpairedSurrogate() =>
        ScimException.InvalidSyntax("The request body has an escape that is not a valid UTF-16 character (an unpaired surrogate such as \\ud800).");

    /// <summary>Parses JSON the service itself wrote (stored documents).</summary>
    public static JsonObject ParseTrusted(string text) => (JsonObject)JsonNode.Parse(text)!;

    /// <summary>Parses UTF-8 JSON the service itself wrote (cached representations).</summary>
    public static JsonObject ParseTrusted(ReadOnlySpan<byte> utf8) => (JsonObject)JsonNode.Parse(utf8)!;

    public static byte[] SerializeToUtf8(JsonNode node) => WriteToUtf8(writer => node.WriteTo(writer));

    /// <summary>UTF-8 JSON written by <paramref name="write"/> with the service's writer settings (e.g. around pre-serialized parts).</summary>
    public static byte[] WriteToUtf8(Action<Utf8JsonWriter> write)
    {
        // Every answer is serialized through here: a buffer and writer per thread, reset rather than made anew
        // (Utf8JsonWriter.Reset is the BCL's way to reuse one), spare a growing buffer and a writer per call,
        // which showed as a tenth of a filter's allocated bytes. A nested call (a write callback that serializes
        // again) gets its own pair.
        var pair = t_writer;
        t_writer = null;
        pair ??= new PooledWriter();
        try
        {
            pair.Buffer.ResetWrittenCount();
            pair.Writer.Reset(pair.Buffer);
            write(pair.Writer);
            pair.Writer.Flush();
            return pair.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            // A buffer grown by a huge document is not kept for the thread's lifetime.
            if (pair.Buffer.Capacity <= MaxPooledBufferBytes)
            {
                t_writer = pair;
            }
        }
    }

    private const int MaxPooledBufferBytes = 256 * 1024;

    [ThreadStatic]
    private static PooledWriter? t_writer;

    private sealed class PooledWriter
    {
        public System.Buffers.ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        public Utf8JsonWriter Writer { get; }

        public PooledWriter() => Writer = new Utf8JsonWriter(Buffer, WriterOptions);
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(SerializerOptions);
}
