using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>
/// Turns a POST/PUT body into the canonical attribute set of a resource (RFC 7643 §3, RFC 7644 §3.3):
/// attribute names in schema case, values in their schema type, extension attributes under their
/// schema URN. readOnly attributes (id, meta, groups, …) and nulls are ignored, as RFC 7643 §7 and
/// Azure AD expect; <c>schemas</c> is recomputed by the service, so unknown schema URIs a client lists
/// (e.g. the ADSCIM Group URI Azure AD sends) are harmless. An attribute no schema of the tenant
/// defines is ignored under the tolerant <see cref="InputRules"/> and refused (invalidValue) under the
/// strict ones; it is never stored.
/// </summary>
public static class ResourceNormalizer
{
    public static JsonObject Normalize(JsonObject input, ResourceTypeDefinition type, InputRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var output = new JsonObject();
        var stored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in input)
        {
            if (value is null)
            {
                continue;
            }

            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                EnsureSchemasIsStringArray(value);
                continue;
            }

            if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                NormalizeUrnKey(output, key, value, type, rules, stored);
                continue;
            }

            NormalizeCoreAttribute(output, key, value, type, rules, stored);
        }

        return output;
    }

    /// <summary>Checks required attributes (RFC 7643 §7 "required") after normalization.</summary>
    public static void EnsureRequired(JsonObject resource, ResourceTypeDefinition type)
    {
        foreach (var attribute in type.Schema.Attributes)
        {
            if (attribute.Required && !HasValue(resource.GetIgnoreCase(attribute.Name)))
            {
                throw ScimException.InvalidValue($"Attribute '{attribute.Name}' is required.");
            }
        }

        foreach (var extension in type.Extensions)
        {
            var container = resource.GetIgnoreCase(extension.Schema.Id) as JsonObject;
            if (extension.Required && container is null)
            {
                throw ScimException.InvalidValue($"Extension '{extension.Schema.Id}' is required.");
            }

            if (container is null)
            {
                continue;
            }

            foreach (var attribute in extension.Schema.Attributes)
            {
                if (attribute.Required && !HasValue(container.GetIgnoreCase(attribute.Name)))
                {
                    throw ScimException.InvalidValue($"Attribute '{extension.Schema.Id}:{attribute.Name}' is required.");
                }
            }
        }
    }

    /// <summary>Normalizes <paramref name="value"/> for a resolved attribute and stores it, or removes it when empty.</summary>
    public static void SetAttribute(JsonObject resource, ResolvedPath path, JsonNode? value)
    {
        var container = path.ExtensionUri is null ? resource : resource.GetOrAddObject(path.ExtensionUri);
        if (value is null)
        {
            container.RemoveIgnoreCase(path.Attribute.Name);
        }
        else
        {
            container.SetIgnoreCase(path.Attribute.Name, value);
        }

        if (path.ExtensionUri is not null && container.Count == 0)
        {
            resource.RemoveIgnoreCase(path.ExtensionUri);
        }
    }

    public static bool HasValue(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length > 0,
        _ => true,
    };

    private static void NormalizeCoreAttribute(JsonObject output, string key, JsonNode value, ResourceTypeDefinition type, InputRules rules, HashSet<string> stored)
    {
        var resolved = AttributePath.IsAttributeName(key) ? type.Resolve(new AttributePath(null, key, null)) : null;
        if (resolved is null)
        {
            if (!rules.TryIgnore(key))
            {
                throw ScimException.InvalidValue($"Attribute '{key}' is not defined for resource type {type.Name}.");
            }

            return;
        }

        Store(output, resolved, value, rules, stored);
    }

    private static void NormalizeUrnKey(JsonObject output, string key, JsonNode value, ResourceTypeDefinition type, InputRules rules, HashSet<string> stored)
    {
        if (type.IsCoreSchema(key))
        {
            // Some clients nest core attributes under the core schema URN.
            foreach (var (name, nested) in AsObject(value, key))
            {
                if (nested is not null)
                {
                    NormalizeCoreAttribute(output, name, nested, type, rules, stored);
                }
            }

            return;
        }

        if (type.FindExtension(key) is { } extension)
        {
            foreach (var (name, nested) in AsObject(value, key))
            {
                if (nested is null)
                {
                    continue;
                }

                var attribute = extension.FindAttribute(name);
                if (attribute is null)
                {
                    if (!rules.TryIgnore(extension.Id + ":" + name))
                    {
                        throw ScimException.InvalidValue($"Attribute '{name}' is not defined by schema '{extension.Id}'.");
                    }

                    continue;
                }

                Store(output, new ResolvedPath(extension.Id, attribute, null, IsUndeclared: false), nested, rules, stored);
            }

            return;
        }

        var resolved = AttributePath.TryParse(key, out var path) ? type.Resolve(path) : null;
        if (resolved is { IsUndeclared: false })
        {
            // A URN-qualified attribute at top level, e.g. "urn:…:enterprise:2.0:User:employeeNumber": "42".
            Store(output, resolved, value, rules, stored);
            return;
        }

        var isExtensionObject = value is JsonObject && type.AllowsUndeclaredSchema(key);
        if (!isExtensionObject && resolved is null)
        {
            // E.g. "urn:…:core:2.0:User:foo" or "urn:…:enterprise:2.0:User:foo": a typo, never a new extension.
            if (!rules.TryIgnore(key))
            {
                throw ScimException.InvalidValue($"'{key}' is neither an attribute nor a schema of resource type {type.Name}.");
            }

            return;
        }

        if (rules.RejectUndeclaredExtensions)
        {
            throw ScimException.InvalidValue($"Schema '{(isExtensionObject ? key : path!.SchemaUri)}' is not registered for this tenant.");
        }

        if (isExtensionObject)
        {
            // An extension nobody declared (e.g. a vendor's grouptalk:2.0:User): kept as sent, minus nulls.
            var container = output.GetOrAddObject(key);
            var extensionObject = (JsonObject)value;
            foreach (var (name, nested) in extensionObject)
            {
                EnsureOnce(stored, key + ":" + name);
                if (UndeclaredValues.Clean(nested) is { } cleaned)
                {
                    container.SetIgnoreCase(name, cleaned);
                }
            }

            if (container.Count == 0)
            {
                output.RemoveIgnoreCase(key);
            }

            return;
        }

        EnsureOnce(stored, path!.ToString());
        if (UndeclaredValues.Clean(value) is { } single)
        {
            var vendor = output.GetOrAddObject(path!.SchemaUri!);
            if (path.SubAttribute is null)
            {
                vendor.SetIgnoreCase(path.Name, single);
            }
            else
            {
                // "urn:…:vendor:User:address.city": "x" keeps the sub-attribute instead of overwriting "address".
                vendor.GetOrAddObject(path.Name).SetIgnoreCase(path.SubAttribute, single);
            }
        }
    }

    private static void Store(JsonObject output, ResolvedPath path, JsonNode value, InputRules rules, HashSet<string> stored)
    {
        EnsureOnce(stored, path.CanonicalPath);
        if (path.Attribute.Mutability == Mutability.ReadOnly || path.SubAttribute is not null)
        {
            if (path.SubAttribute is not null && path.Attribute.Mutability != Mutability.ReadOnly)
            {
                throw ScimException.InvalidValue($"'{path.CanonicalPath}' names a sub-attribute; send the '{path.Attribute.Name}' object instead.");
            }

            return;
        }

        var normalized = ValueNormalizer.Normalize(path.Attribute, value, path.CanonicalPath, rules);
        if (normalized is not null)
        {
            normalized = WriteOnlyValues.Protect(path.Attribute, normalized);
            SetAttribute(output, path, normalized);
        }
    }

    /// <summary>
    /// One attribute is sent once: <c>userName</c> and <c>urn:…:core:2.0:User:userName</c>, or <c>department</c>
    /// and the enterprise object's <c>department</c>, name the same attribute (invalidSyntax, whichever would win).
    /// </summary>
    private static void EnsureOnce(HashSet<string> stored, string canonicalPath)
    {
        if (!stored.Add(canonicalPath))
        {
            throw ScimException.InvalidSyntax($"The attribute '{ScimJson.Excerpt(canonicalPath)}' is sent more than once, under different names; send it once.");
        }
    }

    private static JsonObject AsObject(JsonNode value, string key) =>
        value as JsonObject ?? throw ScimException.InvalidValue($"'{key}' must be a JSON object of attributes.");

    private static void EnsureSchemasIsStringArray(JsonNode value)
    {
        if (value is not JsonArray array || array.Any(item => item is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw ScimException.InvalidSyntax("'schemas' must be an array of schema URI strings.");
        }
    }
}
