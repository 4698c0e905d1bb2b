using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Schemas;

using static OrleansScim.Protocol.Resources.AttributeListParameter;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// RFC 7644 §3.4.2.5 <c>attributes</c>/<c>excludedAttributes</c> combined with RFC 7643 §7 "returned":
/// "always" attributes are returned whatever is asked, "never" ones never, "request" ones only when
/// named in <c>attributes</c>. Unknown names are ignored rather than failing the request (RFC 7644
/// §3.4.2.5 asks for attribute names only). An entry with a value filter (<c>emails[type eq "work"]</c>)
/// means the whole attribute under tolerant <see cref="InputRules"/> and is refused (invalidValue) under
/// strict ones.
/// </summary>
public sealed class AttributeProjection
{
    private readonly ResourceTypeDefinition _type;
    private readonly HashSet<string>? _included;
    private readonly HashSet<string>? _excluded;

    private AttributeProjection(ResourceTypeDefinition type, HashSet<string>? included, HashSet<string>? excluded)
    {
        _type = type;
        _included = included;
        _excluded = excluded;
    }

    /// <summary>True when no attributes/excludedAttributes were asked for (only "returned" rules apply).</summary>
    public bool IsDefault => _included is null && _excluded is null;

    public static AttributeProjection Default(ResourceTypeDefinition type) => new(type, null, null);

    public static AttributeProjection Create(ResourceTypeDefinition type, string? attributes, string? excludedAttributes, InputRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var included = Parse(type, attributes, "attributes", rules);
        var excluded = Parse(type, excludedAttributes, "excludedAttributes", rules);
        return new AttributeProjection(type, included, included is null ? excluded : null);
    }

    /// <summary>
    /// Whether a top-level attribute (e.g. Group <c>members</c>) would appear in the output, wholly or
    /// through a sub-attribute (<c>attributes=members.value</c>), so callers know whether to load it.
    /// </summary>
    public bool Includes(string attributeName)
    {
        var resolved = _type.Resolve(new AttributePath(null, attributeName, null));
        if (resolved is null)
        {
            return false;
        }

        return IsIncluded(resolved.Attribute, resolved.CanonicalPath, parentIncluded: false)
            || (resolved.Attribute.IsComplex && resolved.Attribute.Returned != Returned.Never && _included is not null && HasIncludedChild(resolved.CanonicalPath));
    }

    public JsonObject Apply(JsonObject document)
    {
        var result = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (value is null)
            {
                continue;
            }

            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                result[key] = value.DeepClone();
                continue;
            }

            if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && value is JsonObject extension)
            {
                var projected = ProjectExtension(key, extension);
                if (projected.Count > 0)
                {
                    result[key] = projected;
                }

                continue;
            }

            var resolved = _type.Resolve(new AttributePath(null, key, null));
            if (resolved is null)
            {
                if (_included is null ? Contains(_excluded, key) != true : Contains(_included, key) == true)
                {
                    result[key] = value.DeepClone();
                }

                continue;
            }

            if (ProjectAttribute(resolved.Attribute, resolved.CanonicalPath, value, parentIncluded: false) is { } kept)
            {
                result[key] = kept;
            }
        }

        DropAbsentExtensionSchemas(result);
        return result;
    }

    /// <summary>RFC 7643 §3: "schemas" lists the schemas present, so an extension projected away leaves it.</summary>
    private void DropAbsentExtensionSchemas(JsonObject result)
    {
        if (result.GetIgnoreCase("schemas") is not JsonArray schemas)
        {
            return;
        }

        foreach (var entry in schemas.ToList())
        {
            if (entry is JsonValue value && value.TryGetValue<string>(out var uri) && !_type.IsCoreSchema(uri) && result.GetIgnoreCase(uri) is null)
            {
                schemas.Remove(entry);
            }
        }
    }

    private JsonObject ProjectExtension(string uri, JsonObject extension)
    {
        var schema = _type.FindExtension(uri);
        var canonicalUri = schema?.Id ?? uri;
        var wholeIncluded = Contains(_included, canonicalUri) == true;
        var result = new JsonObject();
        if (Contains(_excluded, canonicalUri) == true)
        {
            return result;
        }

        foreach (var (name, value) in extension)
        {
            if (value is null)
            {
                continue;
            }

            var attribute = schema?.FindAttribute(name) ?? new AttributeDefinition { Name = name };
            if (ProjectAttribute(attribute, canonicalUri + ":" + attribute.Name, value, wholeIncluded) is { } kept)
            {
                result[name] = kept;
            }
        }

        return result;
    }

    private JsonNode? ProjectAttribute(AttributeDefinition attribute, string path, JsonNode value, bool parentIncluded)
    {
        if (!IsIncluded(attribute, path, parentIncluded))
        {
            return attribute.IsComplex && _included is not null && HasIncludedChild(path)
                ? ProjectSubAttributes(attribute, path, value)
                : null;
        }

        if (attribute.IsComplex && _excluded is not null && HasExcludedChild(path))
        {
            return ProjectSubAttributes(attribute, path, value);
        }

        return RemoveNeverReturned(attribute, value.DeepClone());
    }

    private JsonNode? ProjectSubAttributes(AttributeDefinition attribute, string path, JsonNode value)
    {
        JsonObject? Project(JsonObject element)
        {
            var result = new JsonObject();
            foreach (var (name, sub) in element)
            {
                var definition = attribute.FindSubAttribute(name) ?? new AttributeDefinition { Name = name };
                if (sub is not null && IsIncluded(definition, path + "." + definition.Name, parentIncluded: false))
                {
                    result[name] = sub.DeepClone();
                }
            }

            return result.Count == 0 ? null : result;
        }

        switch (value)
        {
            case JsonObject obj:
                return Project(obj);
            case JsonArray array:
                var projected = new JsonArray();
                foreach (var element in array.OfType<JsonObject>())
                {
                    if (Project(element) is { } kept)
                    {
                        projected.Add(kept);
                    }
                }

                return projected.Count == 0 ? null : projected;
            default:
                return null;
        }
    }

    private bool IsIncluded(AttributeDefinition attribute, string path, bool parentIncluded)
    {
        switch (attribute.Returned)
        {
            case Returned.Never:
                return false;
            case Returned.Always:
                return true;
        }

        if (_included is not null)
        {
            return parentIncluded || Contains(_included, path) == true;
        }

        if (attribute.Returned == Returned.Request)
        {
            return false;
        }

        return Contains(_excluded, path) != true;
    }

    private bool HasIncludedChild(string path) => _included!.Any(p => p.StartsWith(path + ".", StringComparison.OrdinalIgnoreCase));

    private bool HasExcludedChild(string path) => _excluded!.Any(p => p.StartsWith(path + ".", StringComparison.OrdinalIgnoreCase));

    private static JsonNode RemoveNeverReturned(AttributeDefinition attribute, JsonNode value)
    {
        var never = attribute.SubAttributes.Where(s => s.Returned == Returned.Never).ToList();
        if (never.Count == 0)
        {
            return value;
        }

        IEnumerable<JsonObject> elements = value switch
        {
            JsonObject obj => [obj],
            JsonArray array => array.OfType<JsonObject>(),
            _ => [],
        };
        foreach (var element in elements)
        {
            foreach (var sub in never)
            {
                element.RemoveIgnoreCase(sub.Name);
            }
        }

        return value;
    }
}
