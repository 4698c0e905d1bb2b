using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// Assembles the full SCIM representation of a resource from its stored attributes and meta: the
/// <c>schemas</c> it uses (core plus each extension present), <c>id</c>, the attributes, and <c>meta</c>.
/// </summary>
public static class ResourceDocument
{
    public static JsonObject Compose(ResourceTypeDefinition type, string id, JsonObject attributes, ResourceMeta meta, string? location)
    {
        var schemas = new JsonArray(type.Schema.Id);
        var document = new JsonObject { ["schemas"] = schemas, ["id"] = id };
        foreach (var (key, value) in attributes)
        {
            if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && value is JsonObject)
            {
                schemas.Add(type.FindExtension(key)?.Id ?? key);
            }

            document[key] = value?.DeepClone();
        }

        var metaObject = new JsonObject
        {
            ["resourceType"] = meta.ResourceType,
            ["created"] = ScimDateTime.Format(meta.Created),
            ["lastModified"] = ScimDateTime.Format(meta.LastModified),
        };
        if (location is not null)
        {
            metaObject["location"] = location;
        }

        metaObject["version"] = meta.ETag;
        document["meta"] = metaObject;
        return document;
    }

    /// <summary>Sets <c>meta.location</c> on a composed document.</summary>
    public static void SetLocation(JsonObject document, string location)
    {
        if (document["meta"] is JsonObject meta)
        {
            meta["location"] = location;
        }
    }
}
