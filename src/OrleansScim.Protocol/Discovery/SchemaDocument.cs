using System.Text.Json.Nodes;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Discovery;

/// <summary>Renders schemas (RFC 7643 §7) and resource types (RFC 7643 §6) for the discovery endpoints.</summary>
public static class SchemaDocument
{
    public static JsonObject Build(SchemaDefinition schema, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.Schema),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["description"] = schema.Description,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode)Attribute(a)).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = baseUrl + "/Schemas/" + schema.Id },
    };

    public static JsonObject Build(ResourceTypeDefinition type, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.ResourceType),
        ["id"] = type.Name,
        ["name"] = type.Name,
        ["endpoint"] = type.Endpoint,
        ["description"] = type.Description,
        ["schema"] = type.Schema.Id,
        ["schemaExtensions"] = new JsonArray(type.Extensions
            .Select(e => (JsonNode)new JsonObject { ["schema"] = e.Schema.Id, ["required"] = e.Required })
            .ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = baseUrl + "/ResourceTypes/" + type.Name },
    };

    private static JsonObject Attribute(AttributeDefinition attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = TypeName(attribute.Type),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
            ["caseExact"] = attribute.CaseExact,
            ["mutability"] = MutabilityName(attribute.Mutability),
            ["returned"] = ReturnedName(attribute.Returned),
            ["uniqueness"] = UniquenessName(attribute.Uniqueness),
        };
        if (attribute.CanonicalValues.Count > 0)
        {
            json["canonicalValues"] = new JsonArray(attribute.CanonicalValues.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        }

        if (attribute.ReferenceTypes.Count > 0)
        {
            json["referenceTypes"] = new JsonArray(attribute.ReferenceTypes.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        }

        if (attribute.SubAttributes.Count > 0)
        {
            json["subAttributes"] = new JsonArray(attribute.SubAttributes.Select(s => (JsonNode)Attribute(s)).ToArray());
        }

        return json;
    }

    public static string TypeName(AttributeType type) => type switch
    {
        AttributeType.Boolean => "boolean",
        AttributeType.Decimal => "decimal",
        AttributeType.Integer => "integer",
        AttributeType.DateTime => "dateTime",
        AttributeType.Binary => "binary",
        AttributeType.Reference => "reference",
        AttributeType.Complex => "complex",
        _ => "string",
    };

    public static string MutabilityName(Mutability mutability) => mutability switch
    {
        Mutability.ReadOnly => "readOnly",
        Mutability.Immutable => "immutable",
        Mutability.WriteOnly => "writeOnly",
        _ => "readWrite",
    };

    public static string ReturnedName(Returned returned) => returned switch
    {
        Returned.Always => "always",
        Returned.Never => "never",
        Returned.Request => "request",
        _ => "default",
    };

    public static string UniquenessName(Uniqueness uniqueness) => uniqueness switch
    {
        Uniqueness.Server => "server",
        Uniqueness.Global => "global",
        _ => "none",
    };
}
