using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Discovery;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Protocol.Schemas;

/// <summary>
/// Reads the RFC 7643 §7 schema representation (the inverse of <see cref="SchemaDocument"/>) into a
/// <see cref="SchemaDefinition"/>. Characteristics a definition leaves out take the RFC 7643 §2.2
/// defaults (type string, single-valued, readWrite, returned default, uniqueness none). Anything the
/// SCIM engine could not honour is refused here, with a detail naming the attribute: unknown
/// characteristics (usually typos), complex sub-attributes (§2.3.8), multi-valued sub-attributes,
/// and writeOnly values that would be returned.
/// </summary>
public static class SchemaDefinitionReader
{
    public const int MaxAttributes = 100;
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1024;
    public const int MaxListItems = 100;
    public const int MaxListItemLength = 256;

    private static readonly HashSet<string> Characteristics = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "type", "multiValued", "description", "required", "caseExact", "mutability", "returned", "uniqueness",
        "canonicalValues", "referenceTypes", "subAttributes",
    };

    /// <summary>Reads <c>{"id", "name", "description", "attributes"}</c>; other members (schemas, meta) are ignored.</summary>
    public static SchemaDefinition ReadSchema(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var id = OptionalString(json, "id", "schema", maxLength: SchemaUrn.MaxLength)
            ?? throw ScimException.InvalidSyntax("A schema needs an 'id' (its URN).");
        return new SchemaDefinition(
            id,
            OptionalString(json, "name", id, MaxNameLength) ?? "",
            OptionalString(json, "description", id, MaxDescriptionLength) ?? "",
            ReadAttributes(json.GetIgnoreCase("attributes"), id));
    }

    /// <summary>Reads a schema's <c>attributes</c> array; <paramref name="schemaId"/> names the schema in errors.</summary>
    public static IReadOnlyList<AttributeDefinition> ReadAttributes(JsonNode? attributes, string schemaId)
    {
        if (attributes is not JsonArray array)
        {
            throw ScimException.InvalidSyntax($"'attributes' of schema '{schemaId}' must be an array of attribute definitions.");
        }

        return ReadList(array, schemaId + ":", parent: null);
    }

    private static List<AttributeDefinition> ReadList(JsonArray array, string pathPrefix, AttributeDefinition? parent)
    {
        if (array.Count > MaxAttributes)
        {
            throw ScimException.InvalidValue($"At most {MaxAttributes} attributes may be defined at one level ('{pathPrefix}').");
        }

        var definitions = new List<AttributeDefinition>(array.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in array)
        {
            if (item is not JsonObject json)
            {
                throw ScimException.InvalidSyntax($"Every attribute definition under '{pathPrefix}' must be a JSON object.");
            }

            var definition = ReadAttribute(json, pathPrefix, parent);
            if (!names.Add(definition.Name))
            {
                throw ScimException.InvalidValue($"The attribute '{pathPrefix}{definition.Name}' is defined twice (names are case-insensitive).");
            }

            definitions.Add(definition);
        }

        return definitions;
    }

    private static AttributeDefinition ReadAttribute(JsonObject json, string pathPrefix, AttributeDefinition? parent)
    {
        var name = OptionalString(json, "name", pathPrefix, MaxNameLength)
            ?? throw ScimException.InvalidSyntax($"An attribute definition under '{pathPrefix}' has no 'name'.");
        var path = pathPrefix + name;
        if (!AttributePath.IsAttributeName(name) || (name == "$ref" && parent is null))
        {
            throw ScimException.InvalidValue(
                $"'{path}' is not a valid attribute name: a letter followed by letters, digits, '-' or '_' (RFC 7643 §2.1; '$ref' only as a sub-attribute).");
        }

        foreach (var (key, _) in json)
        {
            if (!Characteristics.Contains(key))
            {
                throw ScimException.InvalidValue($"'{key}' of attribute '{path}' is not an RFC 7643 §7 attribute characteristic.");
            }
        }

        var type = Enumerated(json, "type", path, SchemaDocument.TypeName, AttributeType.String);
        var attribute = new AttributeDefinition
        {
            Name = name,
            Type = type,
            MultiValued = Boolean(json, "multiValued", path),
            Description = OptionalString(json, "description", path, MaxDescriptionLength) ?? "",
            Required = Boolean(json, "required", path),
            CaseExact = Boolean(json, "caseExact", path),
            Mutability = Enumerated(json, "mutability", path, SchemaDocument.MutabilityName, Mutability.ReadWrite),
            Returned = Enumerated(json, "returned", path, SchemaDocument.ReturnedName, Returned.Default),
            Uniqueness = Enumerated(json, "uniqueness", path, SchemaDocument.UniquenessName, Uniqueness.None),
            CanonicalValues = Strings(json, "canonicalValues", path),
            ReferenceTypes = Strings(json, "referenceTypes", path),
        };
        Check(attribute, path, parent);
        var subAttributes = json.GetIgnoreCase("subAttributes");
        if (attribute.IsComplex)
        {
            if (subAttributes is not JsonArray { Count: > 0 } subArray)
            {
                throw ScimException.InvalidValue($"The complex attribute '{path}' needs a non-empty 'subAttributes' array.");
            }

            return attribute with { SubAttributes = ReadList(subArray, path + ".", attribute) };
        }

        if (subAttributes is not null and not JsonArray { Count: 0 })
        {
            throw ScimException.InvalidValue($"'{path}' is of type '{SchemaDocument.TypeName(type)}'; only complex attributes have sub-attributes.");
        }

        return attribute;
    }

    private static void Check(AttributeDefinition attribute, string path, AttributeDefinition? parent)
    {
        if (parent is not null && attribute.IsComplex)
        {
            throw ScimException.InvalidValue($"'{path}' cannot be complex: a complex attribute's sub-attributes are simple (RFC 7643 §2.3.8).");
        }

        if (parent is not null && attribute.MultiValued)
        {
            throw ScimException.InvalidValue($"'{path}' cannot be multi-valued: sub-attributes hold one value each here.");
        }

        if (attribute.ReferenceTypes.Count > 0 && attribute.Type != AttributeType.Reference)
        {
            throw ScimException.InvalidValue($"'{path}' lists referenceTypes but is not of type 'reference'.");
        }

        if (attribute.CanonicalValues.Count > 0 && attribute.IsComplex)
        {
            throw ScimException.InvalidValue($"'{path}' is complex; canonicalValues belong on its sub-attributes.");
        }

        if (attribute.Mutability == Mutability.WriteOnly && attribute.Returned != Returned.Never)
        {
            throw ScimException.InvalidValue($"'{path}' is writeOnly, so its values are never returned (RFC 7643 §7): set \"returned\": \"never\".");
        }
    }

    private static string? OptionalString(JsonObject json, string name, string path, int maxLength)
    {
        var node = json.GetIgnoreCase(name);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw ScimException.InvalidSyntax($"'{name}' of '{path}' must be a string.");
        }

        var text = value.GetValue<string>();
        return text.Length <= maxLength ? text : throw ScimException.InvalidValue($"'{name}' of '{path}' is longer than {maxLength} characters.");
    }

    private static bool Boolean(JsonObject json, string name, string path) => json.GetIgnoreCase(name) switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw ScimException.InvalidSyntax($"'{name}' of '{path}' must be true or false."),
    };

    /// <summary>Reads an enumerated characteristic by the same names <see cref="SchemaDocument"/> writes, ignoring case.</summary>
    private static T Enumerated<T>(JsonObject json, string name, string path, Func<T, string> render, T defaultValue)
        where T : struct, Enum
    {
        var text = OptionalString(json, name, path, MaxNameLength);
        if (text is null)
        {
            return defaultValue;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(render(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<T>().Select(v => "'" + render(v) + "'"));
        throw ScimException.InvalidValue($"'{text}' is not a valid {name} for '{path}'; use one of {allowed}.");
    }

    private static List<string> Strings(JsonObject json, string name, string path)
    {
        var node = json.GetIgnoreCase(name);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw ScimException.InvalidSyntax($"'{name}' of '{path}' must be an array of strings.");
        }

        if (array.Count > MaxListItems)
        {
            throw ScimException.InvalidValue($"'{name}' of '{path}' may hold at most {MaxListItems} values.");
        }

        var values = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: > 0 and <= MaxListItemLength } text)
            {
                throw ScimException.InvalidValue($"'{name}' of '{path}' must hold non-empty strings of at most {MaxListItemLength} characters.");
            }

            values.Add(text);
        }

        return values;
    }
}
