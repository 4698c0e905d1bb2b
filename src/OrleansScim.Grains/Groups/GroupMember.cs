using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Groups;

/// <summary>One member of a group as a member bucket stores it.</summary>
[GenerateSerializer, Immutable, Alias("scim.GroupMember")]
public sealed record GroupMember([property: Id(0)] string Id, [property: Id(1)] string Type, [property: Id(2)] string? Display = null)
{
    /// <summary>A member element's "display", if it has one.</summary>
    public static string? DisplayOf(JsonObject element) =>
        element.GetIgnoreCase("display") is JsonValue display && display.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The member as an element of a group's "members".</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["value"] = Id, ["type"] = Type };
        if (Display is not null)
        {
            json["display"] = Display;
        }

        return json;
    }
}
