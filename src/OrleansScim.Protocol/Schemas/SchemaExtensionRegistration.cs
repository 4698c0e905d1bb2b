using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Discovery;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Protocol.Schemas;

/// <summary>
/// An extension schema a tenant registers for one of its resource types, read from the admin body
/// <c>{"resourceType": "User"|"Group", "required": false, "name", "description", "attributes": [...]}</c>
/// (the RFC 7643 §7 schema representation with <c>schemas</c>/<c>id</c>/<c>meta</c> is accepted too,
/// so a registered schema can be read back and sent again).
/// </summary>
public sealed record SchemaExtensionRegistration(string ResourceType, bool Required, SchemaDefinition Schema)
{
    private static readonly HashSet<string> Members = new(StringComparer.OrdinalIgnoreCase)
    {
        "schemas", "id", "meta", "resourceType", "required", "name", "description", "attributes",
    };

    /// <summary>
    /// Parses and validates a registration for <paramref name="urn"/>: the URN (<see cref="SchemaUrn"/>),
    /// the resource type, and every attribute definition (<see cref="SchemaDefinitionReader"/>).
    /// Uniqueness other than "none" is refused because nothing would enforce it for extension attributes.
    /// </summary>
    public static SchemaExtensionRegistration Parse(string urn, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        SchemaUrn.EnsureValidExtension(urn);
        foreach (var (key, _) in body)
        {
            if (!Members.Contains(key))
            {
                throw ScimException.InvalidValue($"'{key}' is not part of a schema registration; send resourceType, required, name, description and attributes.");
            }
        }

        if (body.GetIgnoreCase("id") is { } id && (id is not JsonValue idValue || !idValue.TryGetValue<string>(out var idText) || !string.Equals(idText, urn, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidValue($"'id' must be the URN in the request path ('{urn}') when it is sent.");
        }

        var resourceType = body.GetIgnoreCase("resourceType") is JsonValue typeValue && typeValue.TryGetValue<string>(out var typeText)
            ? CanonicalResourceType(typeText)
            : throw ScimException.InvalidValue("'resourceType' must be \"User\" or \"Group\".");
        var required = body.GetIgnoreCase("required") switch
        {
            null => false,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => throw ScimException.InvalidSyntax("'required' must be true or false."),
        };

        var definition = new JsonObject
        {
            ["id"] = urn,
            ["name"] = body.GetIgnoreCase("name")?.DeepClone() ?? SchemaUrn.LastPart(urn),
            ["description"] = body.GetIgnoreCase("description")?.DeepClone(),
            ["attributes"] = body.GetIgnoreCase("attributes")?.DeepClone(),
        };
        var schema = SchemaDefinitionReader.ReadSchema(definition);
        if (schema.Attributes.Count == 0)
        {
            throw ScimException.InvalidValue($"Schema '{urn}' defines no attributes.");
        }

        if (Flatten(schema.Attributes).FirstOrDefault(a => a.Uniqueness != Uniqueness.None) is { } unique)
        {
            throw ScimException.InvalidValue(
                $"'{unique.Name}' asks for uniqueness '{SchemaDocument.UniquenessName(unique.Uniqueness)}', which this service enforces only for userName and group displayName; use \"none\".");
        }

        return new SchemaExtensionRegistration(resourceType, required, schema);
    }

    /// <summary>The schema in its RFC 7643 §7 representation without <c>meta</c> (which depends on the base URL): what is stored.</summary>
    public string SchemaJson()
    {
        var document = SchemaDocument.Build(Schema, "");
        document.Remove("meta");
        return ScimJson.Serialize(document);
    }

    private static string CanonicalResourceType(string text) =>
        string.Equals(text, "User", StringComparison.OrdinalIgnoreCase) ? "User"
        : string.Equals(text, "Group", StringComparison.OrdinalIgnoreCase) ? "Group"
        : throw ScimException.InvalidValue($"'resourceType' must be \"User\" or \"Group\", not '{text}'.");

    private static IEnumerable<AttributeDefinition> Flatten(IEnumerable<AttributeDefinition> attributes) =>
        attributes.SelectMany(a => a.SubAttributes.Prepend(a));
}
