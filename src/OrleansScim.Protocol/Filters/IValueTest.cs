using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>A test of one attribute value (one element, for multi-valued attributes).</summary>
internal interface IValueTest
{
    bool Test(JsonNode value);
}
