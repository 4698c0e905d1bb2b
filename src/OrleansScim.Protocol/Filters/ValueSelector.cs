using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Walks a bound path (extension container, attribute, sub-attribute) from a resource or element
/// and asks whether any value reached satisfies a test. A multi-valued attribute contributes each
/// element, which gives RFC 7644's "any value matches" semantics; names are matched ignoring case.
/// </summary>
internal sealed class ValueSelector(IReadOnlyList<string> steps)
{
    public IReadOnlyList<string> Steps { get; } = steps;

    public bool Any(JsonObject root, IValueTest test) => Any(root, 0, test);

    private bool Any(JsonNode node, int step, IValueTest test)
    {
        if (step == Steps.Count)
        {
            return test.Test(node);
        }

        if (node is not JsonObject obj)
        {
            return false;
        }

        switch (obj.GetIgnoreCase(Steps[step]))
        {
            case null:
                return false;
            case JsonArray array:
                // One level of arrays is a multi-valued attribute; arrays nested in it are not SCIM values.
                foreach (var item in array)
                {
                    if (item is not null and not JsonArray && Any(item, step + 1, test))
                    {
                        return true;
                    }
                }

                return false;
            case var child:
                return Any(child, step + 1, test);
        }
    }
}
