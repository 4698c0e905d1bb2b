using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>Small rules every PATCH step follows when it sets or removes a value: mutability, empty elements, empty attributes.</summary>
internal static class PatchValues
{
    internal static void SetSub(JsonObject element, AttributeDefinition sub, JsonNode? value, string path)
    {
        var current = element.GetIgnoreCase(sub.Name);
        EnsureMutable(sub, current, value, path);
        if (value is null)
        {
            element.RemoveIgnoreCase(sub.Name);
        }
        else
        {
            element.SetIgnoreCase(sub.Name, value);
        }
    }

    /// <summary>RFC 7643 §7 "immutable": may be set when it has no value, never changed afterwards.</summary>
    internal static void EnsureMutable(AttributeDefinition attribute, JsonNode? current, JsonNode? replacement, string path)
    {
        if (attribute.Mutability == Mutability.Immutable && ResourceNormalizer.HasValue(current) && !JsonNode.DeepEquals(current, replacement))
        {
            throw ScimException.Mutability($"Attribute '{path}' is immutable and already has a value.");
        }
    }

    internal static void EnsureImmutableSubsUnchanged(AttributeDefinition attribute, JsonObject existing, JsonObject replacement, string path)
    {
        foreach (var sub in attribute.SubAttributes.Where(s => s.Mutability == Mutability.Immutable))
        {
            EnsureMutable(sub, existing.GetIgnoreCase(sub.Name), replacement.GetIgnoreCase(sub.Name), path + "." + sub.Name);
        }
    }

    internal static void RemoveEmptyElements(JsonArray values)
    {
        foreach (var empty in values.Where(v => v is JsonObject o && o.Count == 0).ToList())
        {
            values.Remove(empty);
        }
    }

    internal static void SetOrRemove(JsonObject container, string name, JsonNode value)
    {
        if (ResourceNormalizer.HasValue(value))
        {
            container.SetIgnoreCase(name, value);
        }
        else
        {
            container.RemoveIgnoreCase(name);
        }
    }
}
