using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Protocol.Patch;

/// <summary>PATCH of extension attributes no schema declares: values are stored as sent, nulls dropped.</summary>
internal static class UndeclaredPatch
{
    public static void Apply(JsonObject container, PatchStep step)
    {
        var target = step.Target;
        if (target.Filter is not null)
        {
            throw ScimException.InvalidPath($"Value filters on attributes of an unregistered schema are not supported ('{target.Text}').");
        }

        var name = target.AttributeName;
        var value = step.Op == PatchOperationType.Remove ? null : UndeclaredValues.Clean(step.Value);
        if (target.SubAttribute is not null)
        {
            var parent = container.GetIgnoreCase(name) as JsonObject ?? new JsonObject();
            Set(parent, target.SubAttribute.Name, value);
            Set(container, name, parent.Count == 0 ? null : parent);
            return;
        }

        if (step.Op == PatchOperationType.Add && value is JsonArray added && container.GetIgnoreCase(name) is JsonArray existing)
        {
            foreach (var item in added.ToList())
            {
                added.Remove(item);
                existing.Add(item);
            }

            return;
        }

        Set(container, name, value);
    }

    private static void Set(JsonObject container, string name, JsonNode? value)
    {
        if (value is null)
        {
            container.RemoveIgnoreCase(name);
        }
        else
        {
            container.SetIgnoreCase(name, value);
        }
    }
}
