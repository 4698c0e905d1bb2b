using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>Adding values to, and removing listed values from, a multi-valued attribute (RFC 7644 §3.5.2.1, §3.5.2.2).</summary>
internal static class MultiValuedMerge
{
    /// <summary>
    /// RFC 7644 §3.5.2.1: a value already present is not added again; same "value" (and type) merges.
    /// For type-keyed attributes a value of an existing type replaces that one's sub-attributes.
    /// Existing values are indexed once by value and type, so adding many members to a large list costs
    /// in proportion to what is added, not to list size times that.
    /// </summary>
    internal static void AddElements(AttributeDefinition attribute, JsonArray values, List<JsonNode?> incoming)
    {
        var typeKeyed = MultiValuedRules.HasUniqueTypes(attribute);
        var byValue = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var byType = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        void Index(JsonObject element)
        {
            if (ValueKey(element) is { } key)
            {
                if (!byValue.TryGetValue(key, out var list))
                {
                    byValue[key] = list = [];
                }

                list.Add(element);
            }

            if (typeKeyed && MultiValuedRules.TypeOf(element) is { } type)
            {
                byType.TryAdd(type, element);
            }
        }

        foreach (var existing in values.OfType<JsonObject>())
        {
            Index(existing);
        }

        foreach (var element in incoming)
        {
            if (element is not JsonObject added)
            {
                if (!values.Any(v => JsonNode.DeepEquals(v, element)))
                {
                    values.Add(element);
                }

                continue;
            }

            JsonObject? target = null;
            if (ValueKey(added) is { } key && byValue.TryGetValue(key, out var sameValue))
            {
                target = sameValue.FirstOrDefault(e => SameValue(e, added));
            }

            if (target is null && typeKeyed && MultiValuedRules.TypeOf(added) is { } type)
            {
                byType.TryGetValue(type, out target);
            }

            if (target is null && ValueKey(added) is null)
            {
                target = values.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e, added));
            }

            if (target is null)
            {
                values.Add(added);
                Index(added);
                if (MultiValuedRules.IsPrimary(added))
                {
                    MultiValuedRules.KeepOnlyPrimary(values, added);
                }

                continue;
            }

            if (JsonNode.DeepEquals(target, added))
            {
                continue;
            }

            foreach (var (name, sub) in added.ToList())
            {
                added.Remove(name);
                target.SetIgnoreCase(name, sub);
            }

            Index(target);
            if (MultiValuedRules.IsPrimary(target))
            {
                MultiValuedRules.KeepOnlyPrimary(values, target);
            }
        }
    }

    /// <summary>The "value" sub-attribute as JSON text, the key values are matched by.</summary>
    internal static string? ValueKey(JsonObject element) =>
        element.GetIgnoreCase("value") is JsonValue value ? value.ToJsonString() : null;

    private static bool SameValue(JsonObject existing, JsonObject incoming)
    {
        if (incoming.GetIgnoreCase("value") is not JsonValue incomingValue || existing.GetIgnoreCase("value") is not JsonValue existingValue
            || !JsonNode.DeepEquals(incomingValue, existingValue))
        {
            return false;
        }

        var incomingType = incoming.GetIgnoreCase("type");
        var existingType = existing.GetIgnoreCase("type");
        return incomingType is null || existingType is null || JsonNode.DeepEquals(incomingType, existingType);
    }

    /// <summary>
    /// Azure AD's member removal: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes only
    /// those. One pass over the list with a set of the listed values, however many are listed.
    /// </summary>
    internal static void RemoveListedValues(JsonArray values, JsonArray? listed)
    {
        if (listed is null)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var whole = new List<JsonNode>();
        foreach (var item in listed)
        {
            if (item is JsonObject wanted && ValueKey(wanted) is { } key)
            {
                keys.Add(key);
            }
            else if (item is not null)
            {
                whole.Add(item);
            }
        }

        for (var i = values.Count - 1; i >= 0; i--)
        {
            var existing = values[i];
            if ((existing is JsonObject obj && ValueKey(obj) is { } key && keys.Contains(key)) || whole.Any(w => JsonNode.DeepEquals(w, existing)))
            {
                values.RemoveAt(i);
            }
        }
    }
}
