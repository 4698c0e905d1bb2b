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

    /// <summary>Parses a request body that must be a JSON object; malformed JSON is RFC 7644 "invalidSyntax".</summary>
    public static JsonObject ParseObject(string? text)
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

        return node as JsonObject ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");
    }

    /// <summary>Parses JSON the service itself wrote (stored documents).</summary>
    public static JsonObject ParseTrusted(string text) => (JsonObject)JsonNode.Parse(text)!;

    /// <summary>Parses UTF-8 JSON the service itself wrote (cached representations).</summary>
    public static JsonObject ParseTrusted(ReadOnlySpan<byte> utf8) => (JsonObject)JsonNode.Parse(utf8)!;

    public static byte[] SerializeToUtf8(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(SerializerOptions);
}
