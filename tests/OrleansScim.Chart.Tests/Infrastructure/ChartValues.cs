using System.Text.Json.Nodes;

namespace OrleansScim.Chart.Tests.Infrastructure;

/// <summary>The chart's values as helm sees them: values.yaml with a user's file merged over it (null deletes a key).</summary>
public static class ChartValues
{
    public static JsonObject Defaults() => Load(Path.Combine(Helmlite.ChartDirectory, "values.yaml"));

    public static JsonObject Load(string path) => Yaml.Parse(File.ReadAllText(path)) as JsonObject ?? new JsonObject();

    public static JsonObject Merged(JsonObject overrides)
    {
        var merged = Defaults();
        Merge(merged, overrides);
        return merged;
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
