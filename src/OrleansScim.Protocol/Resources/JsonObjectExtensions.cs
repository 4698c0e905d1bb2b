using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Resources;

/// <summary>Case-insensitive property access (RFC 7643 §2.1: attribute names are case-insensitive).</summary>
public static class JsonObjectExtensions
{
    /// <summary>Finds a property ignoring case, preferring an exact match; returns the stored name too.</summary>
    public static bool TryGetPropertyIgnoreCase(this JsonObject obj, string name, out string actualName, out JsonNode? value)
    {
        if (obj.TryGetPropertyValue(name, out value))
        {
            actualName = name;
            return true;
        }

        foreach (var (key, node) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                actualName = key;
                value = node;
                return true;
            }
        }

        actualName = name;
        value = null;
        return false;
    }

    public static JsonNode? GetIgnoreCase(this JsonObject obj, string name) =>
        obj.TryGetPropertyIgnoreCase(name, out _, out var value) ? value : null;

    /// <summary>Removes a property ignoring case; returns whether one was removed.</summary>
    public static bool RemoveIgnoreCase(this JsonObject obj, string name)
    {
        return obj.TryGetPropertyIgnoreCase(name, out var actual, out _) && obj.Remove(actual);
    }

    /// <summary>Sets a property, replacing one whose name differs only in case.</summary>
    public static void SetIgnoreCase(this JsonObject obj, string name, JsonNode? value)
    {
        if (obj.TryGetPropertyIgnoreCase(name, out var actual, out _) && actual != name)
        {
            obj.Remove(actual);
        }

        obj[name] = value;
    }

    /// <summary>Gets or creates a child object (used for extension schema containers).</summary>
    public static JsonObject GetOrAddObject(this JsonObject obj, string name)
    {
        if (obj.TryGetPropertyIgnoreCase(name, out var actual, out var existing) && existing is JsonObject child)
        {
            return child;
        }

        if (actual != name)
        {
            obj.Remove(actual);
        }

        var created = new JsonObject();
        obj[name] = created;
        return created;
    }
}
