using System.Text.Json.Nodes;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// For an undeclared extension attribute compared without a sub-attribute: the schema cannot say
/// whether it is complex, so an object value is compared through its <c>value</c> member, as a
/// declared complex attribute would be.
/// </summary>
internal sealed class ImplicitValueTest(IValueTest inner) : IValueTest
{
    public bool Test(JsonNode value)
    {
        if (value is not JsonObject obj)
        {
            return inner.Test(value);
        }

        return obj.GetIgnoreCase("value") switch
        {
            JsonArray array => array.Any(item => item is not null and not JsonObject && inner.Test(item)),
            JsonObject => false,
            JsonNode member => inner.Test(member),
            null => false,
        };
    }
}
