using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Resources;

/// <summary>Reads and edits the "members" attribute of a group's attributes.</summary>
public static class GroupMembers
{
    public sealed record Member(JsonObject Element, string? Type);

    /// <summary>Members by id (the "value" sub-attribute).</summary>
    public static Dictionary<string, Member> Read(JsonObject attributes)
    {
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        if (attributes.GetIgnoreCase("members") is not JsonArray array)
        {
            return members;
        }

        foreach (var element in array.OfType<JsonObject>())
        {
            if (element.GetIgnoreCase("value") is JsonValue value && value.TryGetValue<string>(out var id))
            {
                var type = element.GetIgnoreCase("type") is JsonValue t && t.TryGetValue<string>(out var typeText) ? typeText : null;
                members.TryAdd(id, new Member(element, type));
            }
        }

        return members;
    }

    /// <summary>Keeps the first element of each member id; a member listed twice is one member.</summary>
    public static void Deduplicate(JsonObject attributes)
    {
        if (attributes.GetIgnoreCase("members") is not JsonArray array)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = array.OfType<JsonObject>()
            .Where(e => e.GetIgnoreCase("value") is JsonValue v && v.TryGetValue<string>(out var id) && !seen.Add(id))
            .ToList();
        foreach (var duplicate in duplicates)
        {
            array.Remove(duplicate);
        }
    }

    public static bool Remove(JsonObject attributes, string memberId)
    {
        if (attributes.GetIgnoreCase("members") is not JsonArray array)
        {
            return false;
        }

        var toRemove = array.OfType<JsonObject>()
            .Where(e => e.GetIgnoreCase("value") is JsonValue v && v.TryGetValue<string>(out var id) && id == memberId)
            .ToList();
        foreach (var element in toRemove)
        {
            array.Remove(element);
        }

        if (array.Count == 0)
        {
            attributes.RemoveIgnoreCase("members");
        }

        return toRemove.Count > 0;
    }
}
