using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Host.Bulk;

/// <summary>
/// The <c>bulkId:{id}</c> references of RFC 7644 §3.7.2: a string value (anywhere in an operation's
/// data, e.g. a member's <c>"value": "bulkId:qwerty"</c>) or a path segment (<c>/Groups/bulkId:qwerty</c>)
/// that stands for the id of the resource an earlier POST of the same request created. Operations run
/// in order, so a reference to a bulkId that no earlier operation created (unknown, later, or failed)
/// cannot be resolved: 409 invalidValue for that operation (§3.7.3).
/// </summary>
public sealed class BulkIdReferences
{
    public const string Prefix = "bulkId:";

    private readonly Dictionary<string, string> _created = new(StringComparer.Ordinal);

    /// <summary>Remembers the id an operation with <paramref name="bulkId"/> created.</summary>
    public void Created(string bulkId, string id) => _created[bulkId] = id;

    /// <summary>The path with a <c>bulkId:</c> segment replaced by the id it stands for.</summary>
    public string ResolvePath(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = Uri.UnescapeDataString(segments[i]);
            if (segment.StartsWith(Prefix, StringComparison.Ordinal))
            {
                segments[i] = Uri.EscapeDataString(Lookup(segment));
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>A copy of <paramref name="data"/> with every <c>"bulkId:…"</c> string value replaced.</summary>
    public JsonObject ResolveData(JsonObject data) => (JsonObject)Resolve(data)!;

    private JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Resolve)]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith(Prefix, StringComparison.Ordinal):
                return JsonValue.Create(Lookup(text));
            default:
                return node?.DeepClone();
        }
    }

    private string Lookup(string reference)
    {
        var bulkId = reference[Prefix.Length..];
        return _created.TryGetValue(bulkId, out var id)
            ? id
            : throw new ScimException(409, ScimErrorType.InvalidValue,
                $"'{reference}' does not name a resource created by an earlier operation of this request (RFC 7644 §3.7.3: unresolved or circular bulkId reference).");
    }
}
