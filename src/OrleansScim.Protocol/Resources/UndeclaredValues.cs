using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Resources;

/// <summary>Values of attributes no schema declares: stored as sent, with nulls and empty containers dropped.</summary>
public static class UndeclaredValues
{
    public static JsonNode? Clean(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject obj:
                var cleanedObject = new JsonObject();
                foreach (var (key, nested) in obj)
                {
                    if (Clean(nested) is { } cleaned)
                    {
                        cleanedObject[key] = cleaned;
                    }
                }

                return cleanedObject.Count == 0 ? null : cleanedObject;
            case JsonArray array:
                var cleanedArray = new JsonArray();
                foreach (var item in array)
                {
                    if (Clean(item) is { } cleaned)
                    {
                        cleanedArray.Add(cleaned);
                    }
                }

                return cleanedArray.Count == 0 ? null : cleanedArray;
            default:
                return value.DeepClone();
        }
    }
}
