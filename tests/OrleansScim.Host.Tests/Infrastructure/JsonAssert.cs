using System.Text.Json.Nodes;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>Assertions over SCIM JSON that say which part differs.</summary>
public static class JsonAssert
{
    /// <summary>
    /// Every member of <paramref name="expected"/> is in <paramref name="actual"/> with an equal value:
    /// objects may carry more members; arrays must hold the same number of elements, each expected
    /// element contained in a distinct actual one (in any order); scalars compare exactly (so "false"
    /// the string is not false the boolean).
    /// </summary>
    public static void Contains(JsonNode expected, JsonNode? actual)
    {
        var problem = Difference(expected, actual, "$");
        Assert.True(problem is null, $"{problem}\nexpected (subset): {expected.ToJsonString()}\nactual: {actual?.ToJsonString()}");
    }

    public static void Contains(string expectedJson, JsonNode? actual) => Contains(JsonNode.Parse(expectedJson)!, actual);

    public static void Equal(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"JSON differs\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");

    private static string? Difference(JsonNode? expected, JsonNode? actual, string at)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{at}: expected an object";
                }

                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(key, out var actualValue))
                    {
                        return $"{at}.{key}: missing";
                    }

                    if (Difference(value, actualValue, $"{at}.{key}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return $"{at}: expected an array";
                }

                if (actualArray.Count != expectedArray.Count)
                {
                    return $"{at}: expected {expectedArray.Count} elements, found {actualArray.Count}";
                }

                var unmatched = actualArray.ToList();
                foreach (var element in expectedArray)
                {
                    var match = unmatched.FirstOrDefault(candidate => Difference(element, candidate, at) is null);
                    if (match is null && !unmatched.Any(candidate => candidate is null && element is null))
                    {
                        return $"{at}: no element matches {element?.ToJsonString()}";
                    }

                    unmatched.Remove(match);
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{at}: expected {expected?.ToJsonString() ?? "null"}, found {actual?.ToJsonString() ?? "nothing"}";
        }
    }
}
